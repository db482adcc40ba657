package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.testing.SkyDouble;
import dev.skyresearch.workspace.TestCommits;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run --dry-run`, `validate --backend sky` and `fleet ls|replace|down --all` over the sky test double. */
@QuarkusMainTest
class FleetCliTest {
    @TempDir
    Path root;
    @TempDir
    Path skyState;
    private SkyDouble sky;

    @AfterEach
    void stopJobs() {
        if (sky != null) {
            sky.kill();
        }
    }

    private String target() throws Exception {
        sky = new SkyDouble(skyState);
        sky.faults("{\"launch_seconds\": 0.1, \"price_per_hour\": 0.25}");
        SyntheticTarget.create(root, "100");
        SyntheticTarget.write(root, "skyresearch.yaml", """
                metric: {name: time_s, direction: lower, unit: s}
                build: {command: "mkdir -p build && cp src/cost build/cost", timeout: 30s}
                bench: {script: autoresearch.sh, timeout: 30s}
                checks: {script: autoresearch.checks.sh, timeout: 30s}
                scope: {include: ["src/**"], protected: [autoresearch.sh, autoresearch.checks.sh, skyresearch.yaml]}
                fleet: {backend: sky, size: 2, poll: 200ms, autostop: 20m, sky: "%s", resources: {cpus: 2+}}
                """.formatted(sky.command()), false);
        TestCommits.commitAll(root, "sky fleet");
        return root.toString();
    }

    @Test
    void aDryRunPrintsTheSkyCommandsAndRunsNone(QuarkusMainLauncher launcher) throws Exception {
        String repo = target();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "fleet").exitCode());
        LaunchResult dry = launcher.launch("run", "--repo", repo, "--dry-run");
        assertEquals(0, dry.exitCode(), dry.getErrorOutput());
        List<String> lines = dry.getOutput().lines().toList();
        assertTrue(lines.get(1).startsWith("sky launch -c sr-01 " + root.toRealPath() + "/.skyresearch/sky/task.yaml"
                + " -y -d --name sr-01-probe --workdir "), lines.get(1));
        assertTrue(lines.get(1).contains(" -i 20 "), "the safety autostop: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("sky launch -c sr-02 "), lines.get(2));
        assertTrue(lines.get(3).startsWith("sky exec sr-01 ") && lines.get(3).contains("--env SR_MODE=single"),
                lines.get(3));
        assertTrue(Files.readString(root.resolve(".skyresearch/sky/task.yaml")).contains("cpus: 2+"));
        assertEquals(List.of(), sky.clusters(), "nothing ran");
    }

    @Test
    void validateRunsOnOneClusterAndTheFleetCommandsManageIt(QuarkusMainLauncher launcher) throws Exception {
        String repo = target();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "fleet").exitCode());
        LaunchResult validate = launcher.launch("validate", "--repo", repo, "--backend", "sky");
        assertEquals(0, validate.exitCode(), validate.getOutput() + validate.getErrorOutput());
        assertTrue(validate.getOutput().contains("ok: autoresearch.sh prints METRIC time_s"), validate.getOutput());
        assertEquals(List.of("sr-01"), sky.clusters(), "validate uses one cluster");

        LaunchResult ls = launcher.launch("fleet", "ls", "--repo", repo);
        assertEquals(0, ls.exitCode(), ls.getErrorOutput());
        assertTrue(ls.getOutput().matches("(?s).*sr-01\\s+active\\s+UP\\s+0\\.250\\s+20m.*"), ls.getOutput());

        LaunchResult unknown = launcher.launch("fleet", "stop", "sr-07", "--repo", repo);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.getErrorOutput().contains("'sr-07' is not a cluster of this repository's fleet"));

        assertEquals(0, launcher.launch("fleet", "replace", "sr-01", "--repo", repo).exitCode());
        assertEquals("STOPPED", sky.status("sr-01"));
        LaunchResult down = launcher.launch("fleet", "down", "--all", "--repo", repo);
        assertEquals(0, down.exitCode(), down.getErrorOutput());
        assertTrue(down.getOutput().contains("tore down sr-01"), down.getOutput());
        assertEquals(List.of(), sky.clusters());
    }
}
