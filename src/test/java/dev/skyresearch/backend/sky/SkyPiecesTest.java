package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small rules of the sky backend: names, resource fit, autostop flags, the ledger, the task YAML. */
class SkyPiecesTest {
    @Test
    void replacementsTakeTheNextNumberNeverUsed() {
        ClusterNames names = new ClusterNames("sr");
        assertEquals("sr-01", names.name(1));
        assertEquals("sr-05", names.next(List.of("sr-01", "sr-04", "other-09", "sr-02")));
        assertEquals("sr-01", names.next(List.of()));
    }

    @Test
    void anExistingClusterIsReusedOnlyWhenItHasWhatTheConfigAsksFor() {
        ClusterRecord small = new ClusterRecord("sr-01", "UP", 2, 8, "", "1x(cpus=2, mem=8, ...)", 30, false);
        assertEquals(Optional.of("cpus 2 < 4+"), ResourceFit.mismatch(Map.of("cpus", "4+"), small));
        assertEquals(Optional.empty(), ResourceFit.mismatch(Map.of("cpus", "2", "memory", "8+"), small));
        assertEquals(Optional.of("no H100 on it"), ResourceFit.mismatch(Map.of("accelerators", "H100:1"), small));
    }

    @Test
    void autostopIsWholeMinutesAndOffCancelsIt() {
        Autostop thirty = new Autostop(Duration.ofSeconds(1790), false);
        assertEquals(List.of("-i", "30"), thirty.launchFlags());
        assertEquals(List.of("-i", "10", "--down"), new Autostop(Duration.ofMinutes(10), true).commandFlags());
        assertEquals(List.of(), Autostop.OFF.launchFlags());
        assertEquals(List.of("--cancel"), Autostop.OFF.commandFlags());
    }

    @Test
    void theLedgerChargesProvisionedTimeAndSplitsItPerExperiment() {
        CostLedger ledger = new CostLedger();
        ledger.up("sr-01", 0.36, 0);
        ledger.up("sr-02", 0.72, 0);
        ledger.experiment("sr-01", 0, 600_000);
        ledger.experiment("sr-02", 0, 1_200_000);
        ledger.down("sr-02", 1_800_000);
        var report = ledger.report(3_600_000);
        assertEquals(0.36 + 0.36, report.spendUsd(), 1e-9, "an hour of sr-01 and half an hour of sr-02");
        assertEquals((0.06 + 0.24) / 2, report.perExperimentUsd(), 1e-9);
        assertEquals(0.36, report.perKeepUsd(2), 1e-9);
        assertTrue(Double.isNaN(report.perKeepUsd(0)));
        assertTrue(report.pricesKnown());
        ledger.up("sr-03", Double.NaN, 0);
        assertTrue(!ledger.report(3_600_000).pricesKnown(), "an unknown price makes the spend a lower bound");
    }

    @Test
    void theTaskYamlCarriesTheResourcesSetupEnvsAndTheRunThatExecutesTheUploadedJob() {
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cpus", "4+");
        resources.put("any_of", List.of(Map.of("infra", "aws"), Map.of("infra", "gcp")));
        String yaml = TaskYaml.render(new SkyTask(resources, "pip install numpy", Map.of("OMP_NUM_THREADS", "1"),
                Optional.empty()));
        assertTrue(yaml.startsWith(TaskYaml.HEADER), yaml);
        assertTrue(yaml.contains("resources:\n  cpus: 4+\n  any_of:\n  - infra: aws\n  - infra: gcp\n"), yaml);
        assertTrue(yaml.contains("envs:\n  OMP_NUM_THREADS: \"1\"\n  SR_JOB: \"\"\n"), yaml);
        assertTrue(yaml.contains("setup: |\n  pip install numpy\n"), yaml);
        assertTrue(yaml.contains("run: |\n"), yaml);
        assertTrue(yaml.contains("  bash \"$job/skyresearch-runner.sh\"\n"), yaml);
    }
}
