package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyresearch.testing.RealSky;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The real SkyPilot CLI, pinned 0.14.1 (installed by .ci/install-skypilot), against the output captured in
 * src/test/resources/sky-real (see its README.md) and against our task YAML and parsing. The tests that need the
 * CLI are skipped, with the reason printed, where it is not installed; the ones that read the captured files always
 * run. One local API server (offline, no cloud) serves the whole class: the CLI calls all run once, before the tests,
 * two at a time, and the tests check what they printed.
 */
class RealSkyTest {
    private static final Path FIXTURES = Path.of("src/test/resources/sky-real");
    private static final Duration CALL = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, RealSky.Result> results = new ConcurrentHashMap<>();
    private static RealSky sky;
    private static String skipped;

    @TempDir
    Path temp;

    /** One line of cases.tsv: the fixture's name, when it runs, how its output is compared, sky's arguments. */
    record Case(String name, String phase, String compare, List<String> args) {
        RealSky.Result fixture() {
            return new RealSky.Result(List.of("sky"), Integer.parseInt(read(name + ".exit").strip()),
                    read(name + ".stdout"), read(name + ".stderr"), Duration.ZERO, false);
        }
    }

    @BeforeAll
    static void runTheCliOnce() throws Exception {
        try {
            sky = RealSky.assumeAvailable();
        } catch (TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        long started = System.nanoTime();
        Files.copy(FIXTURES.resolve("task.yaml"), sky.workDir().resolve("task.yaml"));
        runPhase("before");
        results.put("api-start", sky.startApiServer());
        runPhase("server");
        List<Long> millis = results.values().stream().map(r -> r.elapsed().toMillis()).sorted().toList();
        String slowest = results.entrySet().stream()
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparing(RealSky.Result::elapsed)))
                .map(Map.Entry::getKey).orElseThrow();
        System.out.printf("RealSkyTest: %d sky calls in %.1f s, two at a time; api start %.1f s; per call median"
                + " %.1f s, slowest %s %.1f s%n", results.size(), (System.nanoTime() - started) / 1e9,
                results.get("api-start").elapsed().toMillis() / 1e3, millis.get(millis.size() / 2) / 1e3, slowest,
                millis.get(millis.size() - 1) / 1e3);
    }

    @AfterAll
    static void stopTheServer() {
        if (sky == null) {
            return;
        }
        RealSky.Result stop = sky.stopApiServer();
        sky.close();
        Case stopCase = cases().stream().filter(c -> c.phase().equals("stop")).findFirst().orElseThrow();
        assertEquals(List.of(), differences(stopCase, stop), "sky api stop");
    }

    @Test
    void theCapturedCommandsReproduceTheirExitCodesAndOutput() {
        assumeReal();
        List<String> differences = new ArrayList<>();
        for (Case c : cases()) {
            if (List.of("before", "start", "server").contains(c.phase())) {
                differences.addAll(differences(c, results.get(c.name())));
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theLocalApiServerStartsOfflineOnThisInstancesPort() {
        assumeReal();
        RealSky.Result start = results.get("api-start");
        assertTrue(start.stdoutLines().contains("✓ SkyPilot API server started. "), start.toString());
        assertTrue(start.stdoutLines().contains("├── SkyPilot API server and dashboard: http://127.0.0.1:"
                + sky.port()), start.toString());
        JsonNode info = jsonAfterProse(results.get("api-info-json").stdout());
        assertEquals("healthy", info.path("server").path("status").asText(), info.toString());
        assertEquals(RealSky.VERSION, info.path("server").path("version").asText(), info.toString());
        assertEquals(RealSky.VERSION, info.path("client").path("version").asText(), info.toString());
        assertEquals("http://127.0.0.1:" + sky.port(), info.path("server").path("url").asText());
    }

    @Test
    void statusAndQueueJsonFromTheLocalServerParseWithJacksonAfterTheProse() {
        assumeReal();
        assertEquals(JSON.createArrayNode(), jsonAfterProse(results.get("status-json-empty").stdout()));
        assertEquals(JSON.createArrayNode(), jsonAfterProse(results.get("status-json-missing").stdout()));
        assertEquals(JSON.createObjectNode(), jsonAfterProse(results.get("queue-json-empty").stdout()));
        assertEquals(JSON.createObjectNode(), jsonAfterProse(results.get("queue-json-missing").stdout()));
        assertEquals(JSON.createObjectNode(), jsonAfterProse(results.get("queue-json-skip-finished-missing").stdout()));
        assertTrue(jsonAfterProse(results.get("check-json").stdout()).path("default").isObject());
        for (String name : List.of("status-json-missing", "queue-json-missing", "queue-json-skip-finished-missing")) {
            RealSky.Result result = results.get(name);
            assertEquals(jsonAfterProse(result.stdout()), result.json(), name);
            assertEquals(jsonAfterProse(result.stdout()), SkyText.json(merged(result)).orElseThrow(), name);
        }
    }

    @Test
    void ourParsingReadsTheRealClientsErrors() {
        assumeReal();
        for (String name : List.of("logs-status-missing", "logs-missing", "exec-missing-as-skyresearch")) {
            SkyError error = SkyText.exception(merged(results.get(name))).orElseThrow();
            assertEquals("sky.exceptions.ClusterDoesNotExist", error.type(), name);
            assertEquals("Cluster 'sr-missing' does not exist.", error.message(), name);
            assertEquals(SkyError.Kind.CLUSTER_GONE, error.kind(), name);
        }
        SkyError noCloud = SkyText.exception(merged(results.get("launch-nocloud-as-skyresearch"))).orElseThrow();
        assertEquals("sky.exceptions.NoCloudAccessError", noCloud.type());
        assertEquals(SkyError.Kind.PERMANENT, noCloud.kind());
        SkyError cancel = SkyText.exception(merged(results.get("cancel-missing"))).orElseThrow();
        assertEquals(new SkyError("UsageError", "Cluster 'sr-missing' does not exist."), cancel);
        assertEquals(SkyError.Kind.CLUSTER_GONE, cancel.kind());
    }

    @Test
    void aHandWrittenTaskYamlPassesTheRealParser() {
        assumeReal();
        // resources {cpus: "4+", memory: "8+"}, any_of with two entries, setup, run, envs, workdir
        assertEquals(Optional.empty(), sky.validateTaskYaml(FIXTURES.resolve("yaml/good.yaml")));
    }

    @Test
    void theRealParserRejectsKeysSkyPilotDoesNotKnow() {
        assumeReal();
        assertEquals(Optional.of("sky.exceptions.InvalidSkyPilotConfigError: Invalid task YAML: Instead of 'resoures',"
                + " did you mean 'resources'?"), sky.validateTaskYaml(FIXTURES.resolve("yaml/unknown-key.yaml")));
    }

    @Test
    void everyCapturedTaskYamlGetsTheVerdictRecordedForIt() throws IOException {
        assumeReal();
        Map<Path, String> expected = new LinkedHashMap<>();
        for (String line : read("yaml/expected.tsv").lines().toList()) {
            if (!line.startsWith("#")) {
                String[] fields = line.split("\t", 2);
                expected.put(FIXTURES.resolve("yaml").resolve(fields[0]), fields[1]);
            }
        }
        try (Stream<Path> files = Files.list(FIXTURES.resolve("yaml"))) {
            assertEquals(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList(),
                    expected.keySet().stream().sorted().toList(), "expected.tsv names every YAML file");
        }
        List<String> differences = new ArrayList<>();
        sky.checkTaskYamls(expected.keySet()).forEach((yaml, verdict) -> {
            String actual = verdict.catalogUnavailable() ? "catalog"
                    : verdict.error().map(error -> error.lines().findFirst().orElse("")).orElse("valid");
            if (!actual.equals(expected.get(yaml))) {
                differences.add(yaml.getFileName() + ": expected " + expected.get(yaml) + ", got " + verdict);
            }
        });
        assertEquals(List.of(), differences);
    }

    @Test
    void theRealParserAcceptsTheTaskYamlWeGenerate() throws IOException {
        assumeReal();
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cpus", "4+");
        resources.put("memory", "8+");
        resources.put("use_spot", false);
        resources.put("any_of", List.of(Map.of("infra", "aws"), Map.of("infra", "gcp")));
        Path task = temp.resolve("task.yaml");
        Files.writeString(task, TaskYaml.render(new SkyTask(resources, "pip install numpy",
                Map.of("OMP_NUM_THREADS", "1", "MODE", "on", "N", "4"), Optional.empty())));
        assertEquals(Optional.empty(), sky.validateTaskYaml(task));
        RealSky.Result out = sky.runPython(CALL, "-c", """
                import sys, sky
                task = sky.Task.from_yaml(sys.argv[1])
                print("envs", sorted(task.envs.items()))
                print("resources", len(task.resources))
                print("run", "skyresearch-runner.sh" in task.run)
                """, task.toString());
        assertEquals(0, out.exitCode(), out.toString());
        assertEquals(List.of("envs [('MODE', 'on'), ('N', '4'), ('OMP_NUM_THREADS', '1'), ('SR_JOB', '')]",
                "resources 2", "run True"), out.stdoutLines(), "env values stay strings, any_of gives two");
    }

    // The captured files themselves: these need no SkyPilot install.

    @Test
    void everyCapturedJsonParsesWithJacksonAfterTheProseBeforeIt() {
        for (String name : List.of("status-json-empty", "status-json-missing", "status-json-autostart",
                "queue-json-empty", "queue-json-missing", "queue-json-skip-finished-empty",
                "queue-json-skip-finished-missing", "check-json", "api-info-json")) {
            Case c = cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            JsonNode json = jsonAfterProse(c.fixture().stdout());
            assertTrue(json.isArray() || json.isObject(), name);
            assertEquals(json, SkyText.json(merged(c.fixture())).orElseThrow(), name);
        }
        assertTrue(c("status-json-autostart").fixture().stdoutLines().get(1).startsWith("✓ SkyPilot API server"),
                "the auto-start prose comes first");
    }

    @Test
    void theCapturedErrorsReadAsTheFailuresTheyAre() {
        assertEquals(SkyError.Kind.CLUSTER_GONE,
                SkyText.exception(merged(c("logs-status-missing").fixture())).orElseThrow().kind());
        assertEquals(SkyError.Kind.CLUSTER_GONE,
                SkyText.exception(merged(c("exec-missing").fixture())).orElseThrow().kind());
        assertEquals(SkyError.Kind.CLUSTER_GONE,
                SkyText.exception(merged(c("cancel-missing").fixture())).orElseThrow().kind());
        assertEquals(SkyError.Kind.PERMANENT,
                SkyText.exception(merged(c("launch-dryrun-nocloud").fixture())).orElseThrow().kind());
        assertTrue(SkyText.json(merged(c("api-info-json-noserver").fixture())).isEmpty(),
                "with no server, api info -o json prints prose only");
    }

    private static void assumeReal() {
        Assumptions.assumeTrue(sky != null, skipped);
    }

    /**
     * Runs a phase's cases two at a time, launches last and alone: an exec waits while a launch of its cluster is
     * in flight (the server's precondition), which would change what it prints.
     */
    private static void runPhase(String phase) throws Exception {
        List<Case> launches = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (Case c : cases()) {
                if (c.phase().equals(phase) && c.args().get(0).equals("launch")) {
                    launches.add(c);
                } else if (c.phase().equals(phase)) {
                    calls.add(pool.submit(() -> run(c)));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        launches.forEach(RealSkyTest::run);
    }

    private static void run(Case c) {
        results.put(c.name(), sky.run(CALL, c.args().toArray(String[]::new)));
    }

    /** What differs between a fresh result and the fixture, as the case's compare column asks. */
    private static List<String> differences(Case c, RealSky.Result actual) {
        RealSky.Result fixture = c.fixture();
        List<String> differences = new ArrayList<>();
        if (actual == null) {
            return List.of(c.name() + ": not run");
        }
        if (actual.exitCode() != fixture.exitCode()) {
            differences.add(c.name() + ": exit " + actual.exitCode() + ", captured " + fixture.exitCode() + "\n"
                    + actual);
        }
        String stdout = actual.stdout().replace("127.0.0.1:" + sky.port(), "127.0.0.1:46580");
        String stderr = actual.stderr().replace("127.0.0.1:" + sky.port(), "127.0.0.1:46580");
        boolean same = switch (c.compare()) {
            case "exact" -> stdout.equals(fixture.stdout()) && stderr.equals(fixture.stderr());
            case "sorted" -> sorted(stdout).equals(sorted(fixture.stdout()))
                    && sorted(stderr).equals(sorted(fixture.stderr()));
            default -> true;
        };
        if (!same) {
            differences.add(c.name() + ": output differs from the capture\n" + actual + "--- captured stdout:\n"
                    + fixture.stdout() + "--- captured stderr:\n" + fixture.stderr());
        }
        return differences;
    }

    private static List<String> sorted(String text) {
        return text.lines().sorted().toList();
    }

    /** Jackson on stdout from the first line that starts with '{' or '[' (ANSI codes removed first). */
    private static JsonNode jsonAfterProse(String stdout) {
        List<String> lines = RealSky.clean(stdout).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{") || lines.get(i).startsWith("[")) {
                try {
                    return JSON.readTree(String.join("\n", lines.subList(i, lines.size())));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + stdout, e);
                }
            }
        }
        throw new AssertionError("no JSON in: " + stdout);
    }

    /** stdout's lines then stderr's, cleaned: what SkyCli collects from one call. */
    private static List<String> merged(RealSky.Result result) {
        List<String> lines = new ArrayList<>(result.stdoutLines());
        lines.addAll(result.stderrLines());
        return lines;
    }

    private static Case c(String name) {
        return cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String line : read("cases.tsv").lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                List<String> fields = List.of(line.split("\t"));
                cases.add(new Case(fields.get(0), fields.get(1), fields.get(2), fields.subList(3, fields.size())));
            }
        }
        return cases;
    }

    private static String read(String name) {
        try {
            return new String(Files.readAllBytes(FIXTURES.resolve(name)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
