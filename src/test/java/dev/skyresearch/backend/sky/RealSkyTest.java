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
    void ourParsingReadsTheRealClientsErrorsAndJsonFromALocalApiServer() throws Exception {
        assumeInstalled();
        try {
            List<String> missing = run(180, "sky", "logs", "sr-99", "1", "--status");
            assertEquals("exit=1", missing.get(missing.size() - 1), String.join("\n", missing));
            SkyError error = SkyText.exception(SkyText.clean(missing)).orElseThrow();
            assertEquals("sky.exceptions.ClusterDoesNotExist", error.type(), error.toString());
            assertEquals(SkyError.Kind.CLUSTER_GONE, error.kind());

            List<String> status = run(120, "sky", "status", "sr-99", "-o", "json");
            assertEquals("exit=0", status.get(status.size() - 1), String.join("\n", status));
            assertTrue(SkyText.json(SkyText.clean(status.subList(0, status.size() - 1))).orElseThrow().isArray(),
                    "a missing cluster is [] after whatever prose comes first: " + status);

            List<String> queue = run(120, "sky", "queue", "-s", "-o", "json");
            assertEquals("exit=0", queue.get(queue.size() - 1), String.join("\n", queue));
            assertTrue(SkyText.json(SkyText.clean(queue.subList(0, queue.size() - 1))).orElseThrow().isObject(),
                    String.join("\n", queue));
        } finally {
            run(60, "sky", "api", "stop");
        }
    }
}
