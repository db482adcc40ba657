package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Output samples from skypilot-cli.md §10, with the colour codes a real sky prints through a pipe. */
class SkyTextTest {
    private static List<String> clean(String... lines) {
        return SkyText.clean(List.of(lines));
    }

    @Test
    void theJobIdComesFromTheSubmitLineDespiteColourCodesAndTheHintBlock() {
        List<String> launch = clean("YAML to run: experiment.yaml", "\u001B[0m⚙︎ Job submitted, ID: 3\u001B[0m", "",
                "\u001B[?25h", "📋 Useful Commands", "Job ID: 3", "├── To cancel the job:\t\tsky cancel gpu-01 3");
        assertEquals(OptionalInt.of(3), SkyText.submittedJob(launch));
        assertEquals(OptionalInt.of(7), SkyText.submittedJob(clean("📋 Useful Commands", "Job ID: 7")));
        assertEquals(OptionalInt.empty(), SkyText.submittedJob(clean("Run commands not specified or empty.")));
    }

    @Test
    void theExceptionIsTheLastPrefixedLineAndIsClassified() {
        List<String> capacity = clean("⨯ Failed to provision resources.  View logs: sky logs --provision gpu-01",
                "\u001B[33msky.exceptions.ResourcesUnavailableError: Failed to provision all possible launchable "
                        + "resources. Relax the task's resource requirements: 1x AWS({'H100': 1})\u001B[0m",
                "To keep retrying until the cluster is up, use the `--retry-until-up` flag.",
                "✗ AWS (us-east-1) — (gpus=H100:1, p5.4xlarge, ...)");
        SkyError error = SkyText.exception(capacity).orElseThrow();
        assertEquals("sky.exceptions.ResourcesUnavailableError", error.type());
        assertEquals(SkyError.Kind.TRANSIENT, error.kind(), "capacity is worth waiting for");
        assertEquals(SkyError.Kind.PERMANENT, SkyText.exception(clean("sky.exceptions.ResourcesUnavailableError: "
                + "No launchable resource found for task Task(run='x'). To fix: relax its resource requirements."))
                .orElseThrow().kind(), "an infeasible request never becomes feasible");
        assertEquals(SkyError.Kind.PERMANENT, kind("sky.exceptions.NoCloudAccessError: Cloud access is not set up. "
                + "Run: sky check"));
        assertEquals(SkyError.Kind.CLUSTER_GONE, kind("sky.exceptions.ClusterDoesNotExist: Cluster 'gpu-09' does "
                + "not exist."));
        assertEquals(SkyError.Kind.CLUSTER_GONE, kind("Error: Cluster 'gpu-09' does not exist."));
        assertEquals(SkyError.Kind.TRANSIENT, kind("sky.exceptions.ClusterNotUpError: Tailing logs: skipped for "
                + "cluster 'gpu-01' (status: INIT). Wait for a launch to finish"));
        assertEquals(SkyError.Kind.CLUSTER_DOWN, kind("sky.exceptions.ClusterNotUpError: Tailing logs: skipped for "
                + "cluster 'gpu-01' (status: STOPPED). It is only allowed for UP and AUTOSTOPPING clusters."));
        assertEquals(SkyError.Kind.TRANSIENT, kind("sky.exceptions.ApiServerConnectionError: Could not connect to "
                + "SkyPilot API server at http://10.0.0.5:46580."));
        assertEquals(SkyError.Kind.TRANSIENT, kind("sky.exceptions.ServerTemporarilyUnavailableError: SkyPilot API "
                + "server is temporarily unavailable: 503"));
        assertEquals(SkyError.Kind.TRANSIENT, kind("sky.exceptions.CommandError: Command rsync -Pavz x failed with "
                + "return code 255."));
    }

    private static SkyError.Kind kind(String line) {
        return SkyText.exception(clean(line)).orElseThrow().kind();
    }

    @Test
    void jsonStartsAtTheFirstLineThatOpensADocument() {
        List<String> queue = clean("Fetching job queue for: gpu-01", "{", "  \"gpu-01\": [", "    {\"job_id\": 3, "
                + "\"job_name\": \"exp-03\", \"status\": \"PENDING\"}", "  ]", "}");
        assertEquals(3, SkyText.json(queue).orElseThrow().path("gpu-01").get(0).path("job_id").asInt());
        List<String> status = clean("\u001B[33mCluster(s) not found: gpu-09.\u001B[0m", "[]");
        assertTrue(SkyText.json(status).orElseThrow().isEmpty());
        assertTrue(SkyText.json(clean("Failed to connect to SkyPilot API server")).isEmpty());
    }

    @Test
    void theHourlyPriceIsTheChosenRowOfTheOptimizerTable() {
        List<String> launch = clean("Considered resources (1 node):",
                " INFRA               INSTANCE                  vCPUs   Mem(GB)   GPUS     COST ($)   CHOSEN   ",
                " AWS (us-east-1)     p5.4xlarge                16      256       H100:1   6.88          ✔     ",
                " GCP (us-central1)   a3-highgpu-1g             26      234       H100:1   11.06               ");
        assertEquals(6.88, SkyText.chosenHourlyPrice(launch).orElseThrow());
        assertTrue(SkyText.chosenHourlyPrice(clean("⚙︎ Job submitted, ID: 2")).isEmpty());
    }
}
