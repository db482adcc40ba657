package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyresearch.testing.SkyDouble;
import dev.skyresearch.workspace.TestCommits;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole loops on the sky backend over the sky test double: clusters launched, one job at a time on each, every
 * candidate decided or rejected with a reason, nothing left running, with and without one sky call in five failing.
 */
@QuarkusMainTest
class SkyLoopTest {
    @TempDir
    Path root;
    @TempDir
    Path patches;
    @TempDir
    Path skyState;
    private SkyDouble sky;

    @AfterEach
    void stopJobs() {
        if (sky != null) {
            sky.kill();
        }
    }

    private String target(int clusters, String faults) throws Exception {
        sky = new SkyDouble(skyState);
        sky.faults(faults);
        SyntheticTarget.create(root, "100");
        String command = sky.command();
        SyntheticTarget.write(root, "skyresearch.yaml", """
                metric: {name: time_s, direction: lower, unit: s}
                build: {command: "mkdir -p build && cp src/cost build/cost", timeout: 30s}
                bench: {script: autoresearch.sh, timeout: 30s}
                checks: {script: autoresearch.checks.sh, timeout: 30s}
                scope: {include: ["src/**"], protected: [autoresearch.sh, autoresearch.checks.sh, skyresearch.yaml]}
                fleet:
                  backend: sky
                  size: %d
                  resources: {cpus: 2+}
                  poll: 200ms
                  hourly_usd: 0.5
                  sky: "%s"
                noise: {calibration_pairs: 5}
                verify: {screen_pairs: 3, verify_pairs: 8}
                """.formatted(clusters, command), false);
        TestCommits.commitAll(root, "sky fleet");
        return root.toString();
    }

    private void submit(QuarkusMainLauncher launcher, String repo) throws Exception {
        List<String> args = new ArrayList<>(List.of("submit", "--repo", repo, "--patch"));
        String[][] changes = {{"100", "80", "cost 80"}, {"100", "90", "cost 90"}, {"100", "100.0", "same cost"},
                {"100", "125", "cost 125"}, {"100", "x", "breaks the checks"}};
        for (String[] change : changes) {
            args.add(SyntheticTarget.costPatch(patches, change[2].replace(' ', '-') + ".diff", change[0], change[1])
                    .toString());
        }
        args.add(SyntheticTarget.patch(patches, "notes.diff", "src/notes.txt", "one", "uno").toString());
        for (String[] change : changes) {
            args.add("--desc");
            args.add(change[2]);
        }
        args.add("--desc");
        args.add("rename a note");
        LaunchResult submitted = launcher.launch(args.toArray(String[]::new));
        assertEquals(0, submitted.exitCode(), submitted.getErrorOutput());
    }

    private void runAndCheck(QuarkusMainLauncher launcher, int clusters, String faults) throws Exception {
        String repo = target(clusters, faults);
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "sky").exitCode());
        submit(launcher, repo);
        LaunchResult run = launcher.launch("run", "--repo", repo, "--until-empty", "--no-tui");
        assertEquals(0, run.exitCode(), run.getOutput() + run.getErrorOutput());

        JsonNode status = new ObjectMapper().readTree(launcher.launch("status", "--repo", repo, "--json").getOutput());
        Set<String> decided = Set.of("kept", "discarded", "checks_failed", "crashed", "rejected");
        for (JsonNode candidate : status.path("candidates")) {
            assertTrue(decided.contains(candidate.path("status").asText()), "every candidate ends decided: "
                    + candidate);
        }
        assertEquals(6, status.path("candidates").size());
        assertTrue(run.getOutput().matches("(?s).*cost: \\$\\d+\\.\\d\\d for \\d+ experiments.*"),
                "the ledger charged the fleet: " + run.getOutput());

        Set<String> ours = new HashSet<>();
        new ObjectMapper().readTree(Files.readString(root.resolve(".skyresearch/sky/fleet.json"))).path("clusters")
                .forEach(cluster -> ours.add(cluster.path("name").asText()));
        for (String cluster : sky.clusters()) {
            assertTrue(ours.contains(cluster), "no cluster leaks: " + cluster + " is not in fleet.json " + ours);
            assertFalse(sky.anyOverlap(cluster), "one job at a time on " + cluster);
            assertTrue(sky.jobs(cluster).stream().allMatch(SkyDouble.Job::terminal), "nothing left running on "
                    + cluster);
        }
        assertTrue(sky.clusters().size() >= clusters, "the fleet was launched: " + sky.clusters());
    }

    @Test
    void fourClustersDecideEveryCandidate(QuarkusMainLauncher launcher) throws Exception {
        runAndCheck(launcher, 4, "{\"launch_seconds\": 0.2}");
    }

    @Test
    void sixteenClustersWithOneCallInFiveFailingStillDecideEveryCandidate(QuarkusMainLauncher launcher)
            throws Exception {
        runAndCheck(launcher, 16, "{\"launch_seconds\": 0.2, \"rate\": 0.2}");
    }
}
