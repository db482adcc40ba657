package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our task YAML and JSON parsing against the real SkyPilot CLI (pinned 0.14.1, installed by .ci/install-skypilot).
 * Skipped, with the reason printed, where it is not installed.
 */
class RealSkyTest {
    private static final Path VENV = Path.of(Optional.ofNullable(System.getenv("SKYRESEARCH_SKYPILOT_VENV"))
            .orElse(System.getProperty("user.home") + "/.cache/skyresearch/skypilot-0.14.1"));
    @TempDir
    Path home;

    private static void assumeInstalled() {
        boolean installed = Files.isExecutable(VENV.resolve("bin/sky"));
        if (!installed) {
            System.out.println("skipped: real SkyPilot not installed at " + VENV + " (run .ci/install-skypilot)");
        }
        Assumptions.assumeTrue(installed, "real SkyPilot not installed at " + VENV);
    }

    /** Runs a venv program with HOME in a temp folder (SkyPilot writes ~/.sky), stdin closed, a time limit. */
    private List<String> run(int seconds, String... argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(argv));
        command.set(0, VENV.resolve("bin").resolve(argv[0]).toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(Map.of("HOME", home.toString(), "SKYPILOT_DISABLE_USAGE_COLLECTION", "1",
                "PYTHONIOENCODING", "utf-8", "LC_ALL", "C.UTF-8"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        List<String> lines = new ArrayList<>(List.of(new String(output, StandardCharsets.UTF_8).split("\n")));
        lines.add("exit=" + process.exitValue());
        return lines;
    }

    @Test
    void theRealParserAcceptsTheTaskYamlWeGenerate() throws Exception {
        assumeInstalled();
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cpus", "4+");
        resources.put("memory", "8+");
        resources.put("use_spot", false);
        resources.put("any_of", List.of(Map.of("infra", "aws"), Map.of("infra", "gcp")));
        Path task = home.resolve("task.yaml");
        Files.writeString(task, TaskYaml.render(new SkyTask(resources, "pip install numpy",
                Map.of("OMP_NUM_THREADS", "1", "MODE", "on"), Optional.empty())));
        List<String> out = run(120, "python", "-c", """
                import sys, sky
                task = sky.Task.from_yaml(sys.argv[1])
                print("envs", sorted(task.envs.items()))
                print("resources", len(task.resources))
                print("run", "skyresearch-runner.sh" in task.run)
                """, task.toString());
        assertTrue(out.contains("exit=0"), String.join("\n", out));
        assertTrue(out.contains("envs [('MODE', 'on'), ('OMP_NUM_THREADS', '1'), ('SR_JOB', '')]"),
                "env values stay strings: " + out);
        assertTrue(out.contains("resources 2"), "any_of gives two candidate resources: " + out);
        assertTrue(out.contains("run True"), String.join("\n", out));
    }

    @Test
    void theRealParserRejectsAKeySkyPilotDoesNotKnow() throws Exception {
        assumeInstalled();
        Path task = home.resolve("bad.yaml");
        Files.writeString(task, "name: x\nresoures: {cpus: 2}\nrun: echo hi\n");
        List<String> out = run(120, "python", "-c", "import sys, sky; sky.Task.from_yaml(sys.argv[1])",
                task.toString());
        assertTrue(!out.contains("exit=0") && String.join("\n", out).contains("resoures"), String.join("\n", out));
    }

    @Test
    void ourExceptionReadingUnderstandsTheRealClientsErrors() throws Exception {
        assumeInstalled();
        List<String> out = run(180, "sky", "logs", "sr-99", "1", "--status");
        List<String> lines = SkyText.clean(out.subList(0, out.size() - 1));
        Optional<SkyError> error = SkyText.exception(lines);
        System.out.println("real sky logs --status on a missing cluster: " + out);
        if (error.isPresent()) {
            assertTrue(List.of(SkyError.Kind.CLUSTER_GONE, SkyError.Kind.TRANSIENT).contains(error.get().kind()),
                    "no cloud here: either the cluster is unknown or the API server could not start: " + error);
        }
        assertEquals(false, out.contains("exit=0"), String.join("\n", out));
    }
}
