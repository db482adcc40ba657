package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet with one quiet and one very noisy local slot, measuring a benchmark with known effects: the noisy slot
 * is quarantined, the real 10% gain is kept, the change that does nothing is not.
 */
@QuarkusMainTest
class CliNoisyFleetTest {
    private static final String NOISY_BENCH = """
            #!/usr/bin/env bash
            set -euo pipefail
            cost=$(cat build/cost)
            noise=0.004
            [ "${SR_MACHINE:-}" = local-2 ] && noise=0.25
            # bash seeds $RANDOM from the time and pid, so back-to-back runs would share noise: read the kernel's,
            # below 2^31 because mawk maps every larger seed to one sequence.
            seed=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 ))
            awk -v c="$cost" -v n="$noise" -v seed="$seed" 'BEGIN {
                srand(seed)
                for (i = 0; i < 3; i++) {
                    z = sqrt(-2 * log(1 - rand())) * cos(6.2832 * rand())
                    printf "METRIC time_s=%.6f\\n", c * exp(n * z)
                }
            }'
            """;
    @TempDir
    Path root;
    @TempDir
    Path patches;

    @Test
    void theNoisySlotIsQuarantinedAndOnlyTheRealGainIsKept(QuarkusMainLauncher launcher) throws Exception {
        SyntheticTarget.create(root, "100");
        SyntheticTarget.write(root, "autoresearch.sh", NOISY_BENCH, true);
        dev.skyresearch.workspace.TestCommits.commitAll(root, "noisy bench");
        String repo = root.toString();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "noisy").exitCode());
        Path faster = SyntheticTarget.costPatch(patches, "faster.diff", "100", "90");
        Path nothing = SyntheticTarget.patch(patches, "notes.diff", "src/notes.txt", "one", "uno");
        assertEquals(0, launcher.launch("submit", "--repo", repo, "--patch", faster.toString(), nothing.toString(),
                "--desc", "cost 90", "--desc", "rename a note").exitCode());

        LaunchResult run = launcher.launch("run", "--repo", repo, "--until-empty", "--no-tui");
        assertEquals(0, run.exitCode(), run.getErrorOutput());
        assertTrue(run.getOutput().contains("local-2 quarantined: CV"), run.getOutput());
        assertTrue(run.getOutput().contains("1 kept, 1 discarded"), run.getOutput());

        JsonNode status = new ObjectMapper().readTree(launcher.launch("status", "--repo", repo, "--json").getOutput());
        JsonNode kept = status.path("candidates").get(0);
        assertEquals("cost 90", kept.path("description").asText());
        assertEquals("kept", kept.path("status").asText());
        assertEquals(0.10, kept.path("verdict").path("gain").asDouble(), 0.02);
    }
}
