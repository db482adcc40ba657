package dev.skyresearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real SkyPilot CLI (pinned 0.14.1) for tests, from the virtual environment {@code .ci/install-skypilot} makes:
 * {@code $SKYRESEARCH_SKYPILOT_VENV}, else {@code ~/.cache/skyresearch/skypilot-0.14.1}. No cloud is needed.
 *
 * <p>Each instance has its own HOME (a temp folder: SkyPilot keeps its state, API-server logs and catalogs in
 * {@code ~/.sky}), its own working folder (the processes' cwd, where a test puts task files), and its own local
 * API-server port (a free one, passed as {@code SKYPILOT_API_SERVER_LOCAL_PORT}), so it never talks to a server
 * another test or person started on the default port 46580. Every call runs with stdin from /dev/null,
 * {@code SKYPILOT_DISABLE_USAGE_COLLECTION=1}, {@code PYTHONIOENCODING=utf-8}, {@code LC_ALL=C.UTF-8}, and a
 * timeout after which the process and its children are killed.
 *
 * <p>Measured here (2 cores): any {@code sky} call costs 2.1-3.5 s (Python imports; 2.2 s for {@code --version}),
 * {@link #startApiServer()} about 8 s, and the first server request after it 6-14 s. A command that needs the
 * server starts one by itself when none runs (about 20 s, with two lines of prose before its output), which is
 * why {@link #close()} stops the server whenever its port answers. See src/test/resources/sky-real/README.md.
 */
public final class RealSky implements AutoCloseable {
    public static final String VERSION = "0.14.1";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICTS = "REALSKY-VERDICTS ";
    /**
     * Reads each task YAML with SkyPilot's own parser, then runs {@code Task.validate()}: the name, the run
     * script, the workdir and file mounts (resolved against the YAML's folder), and {@code validate()} of every
     * entry of {@code task.resources} (an any_of gives one per entry). Prints one JSON line of verdicts. A failure
     * caused by a network error is marked "offline": accelerators, instance types and regions need SkyPilot's
     * catalog, which it downloads on first use.
     */
    private static final String VALIDATE = """
            import json, os, sys
            def describe(e):
                kind = type(e)
                name = kind.__qualname__ if kind.__module__ == 'builtins' else kind.__module__ + '.' + kind.__qualname__
                return f'{name}: {e}'
            def offline(e):
                seen = set()
                while e is not None and id(e) not in seen:
                    seen.add(id(e))
                    if type(e).__module__.split('.')[0] in ('requests', 'urllib3') or isinstance(e, ConnectionError):
                        return True
                    e = e.__cause__ or e.__context__
                return False
            import sky
            verdicts = {}
            here = os.getcwd()
            for path in sys.argv[1:]:
                try:
                    os.chdir(os.path.dirname(path))
                    task = sky.Task.from_yaml(path)
                    task.validate()
                    for resources in task.resources:
                        resources.validate()
                    verdicts[path] = {'error': None, 'offline': False}
                except Exception as e:
                    verdicts[path] = {'error': describe(e), 'offline': offline(e)}
                finally:
                    os.chdir(here)
            print('REALSKY-VERDICTS ' + json.dumps(verdicts))
            """;

    private final Path venv;
    private final Path root;
    private final Path home;
    private final Path workDir;
    private final int port;
    private final AtomicInteger calls = new AtomicInteger();
    private final Thread stopAtExit = new Thread(this::stopIfListening, "real-sky-stop");

    /** What one call printed: stdout and stderr separately, raw (ANSI codes kept), and how it ended. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed,
            boolean timedOut) {
        /** stdout's lines with ANSI codes and carriage returns removed. */
        public List<String> stdoutLines() {
            return lines(stdout);
        }

        public List<String> stderrLines() {
            return lines(stderr);
        }

        /**
         * The JSON document of a {@code -o json} call: stdout from the first line that starts with '{' or '['
         * (prose such as "Cluster(s) not found: x." or "Fetching job queue for: x" comes first).
         */
        public JsonNode json() {
            List<String> lines = stdoutLines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("{") || lines.get(i).startsWith("[")) {
                    try {
                        return JSON.readTree(String.join("\n", lines.subList(i, lines.size())));
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON after line " + i + ": " + this, e);
                    }
                }
            }
            throw new IllegalStateException("no line starts with { or [: " + this);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + (timedOut ? " (timed out)" : "") + " in "
                    + elapsed.toMillis() + " ms\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }

        private static List<String> lines(String text) {
            return text.isEmpty() ? List.of() : clean(text).lines().toList();
        }
    }

    /** What SkyPilot's parser said of one task YAML; an error is "Type: message", e.g. "ValueError: ...". */
    public record Verdict(Optional<String> error, boolean catalogUnavailable) {
        public boolean valid() {
            return error.isEmpty();
        }
    }

    private RealSky(Path venv) {
        this.venv = venv;
        try {
            root = Files.createTempDirectory("real-sky-");
            home = Files.createDirectories(root.resolve("home"));
            workDir = Files.createDirectories(root.resolve("work"));
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** The virtual environment .ci/install-skypilot installs into. */
    public static Path venv() {
        String configured = System.getenv("SKYRESEARCH_SKYPILOT_VENV");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "skyresearch", "skypilot-" + VERSION);
    }

    /** An instance when the venv has both {@code bin/sky} and {@code bin/python}; close it when done. */
    public static Optional<RealSky> find() {
        Path venv = venv();
        if (Files.isExecutable(venv.resolve("bin/sky")) && Files.isExecutable(venv.resolve("bin/python"))) {
            return Optional.of(new RealSky(venv));
        }
        return Optional.empty();
    }

    /** {@link #find()}, or skips the test (or class, from a {@code @BeforeAll}) with the reason printed. */
    public static RealSky assumeAvailable() {
        Optional<RealSky> sky = find();
        if (sky.isEmpty()) {
            String reason = "real SkyPilot not installed at " + venv() + " (run .ci/install-skypilot)";
            System.out.println("skipped: " + reason);
            Assumptions.abort(reason);
        }
        return sky.get();
    }

    public Path sky() {
        return venv.resolve("bin/sky");
    }

    public Path python() {
        return venv.resolve("bin/python");
    }

    /** HOME of every call; SkyPilot's state is in its {@code .sky}. */
    public Path home() {
        return home;
    }

    /** The working folder of every call: relative paths in arguments resolve here. */
    public Path workDir() {
        return workDir;
    }

    /** This instance's local API-server port. */
    public int port() {
        return port;
    }

    /** The environment variables every call gets on top of this JVM's (less SkyPilot's own and FORCE_COLOR). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("SKYPILOT_DISABLE_USAGE_COLLECTION", "1");
        env.put("SKYPILOT_API_SERVER_LOCAL_PORT", Integer.toString(port));
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    /** Runs {@code sky ARGS...}. */
    public Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(sky().toString()));
        command.addAll(List.of(args));
        return execute(timeout, command);
    }

    /** Runs the venv's {@code python ARGS...} (the same environment as {@link #run}). */
    public Result runPython(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(python().toString()));
        command.addAll(List.of(args));
        return execute(timeout, command);
    }

    /**
     * SkyPilot's error for a task YAML, empty when its parser accepts it (see {@link #checkTaskYamls}). Skips the
     * test, with the reason printed, when the answer needs SkyPilot's catalog, which cannot be downloaded here
     * (a YAML naming accelerators, an instance type or a region).
     */
    public Optional<String> validateTaskYaml(Path yaml) {
        Verdict verdict = checkTaskYamls(List.of(yaml)).values().iterator().next();
        if (verdict.catalogUnavailable()) {
            String reason = "SkyPilot needs its catalog to check " + yaml + ", and cannot download it: "
                    + verdict.error().orElse("");
            System.out.println("skipped: " + reason);
            Assumptions.abort(reason);
        }
        return verdict.error();
    }

    /**
     * SkyPilot's verdict on each task YAML, all in one Python process (about 2.5 s, mostly {@code import sky}):
     * {@code sky.Task.from_yaml}, then {@code task.validate()} and {@code validate()} of each of
     * {@code task.resources}. A relative workdir resolves against the YAML's folder.
     */
    public Map<Path, Verdict> checkTaskYamls(Collection<Path> yamls) {
        List<String> args = new ArrayList<>(List.of("-c", VALIDATE));
        yamls.forEach(yaml -> args.add(yaml.toAbsolutePath().normalize().toString()));
        Result result = runPython(Duration.ofSeconds(120), args.toArray(String[]::new));
        String line = result.stdoutLines().stream().filter(l -> l.startsWith(VERDICTS)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the validation script printed no verdicts: " + result));
        try {
            JsonNode verdicts = JSON.readTree(line.substring(VERDICTS.length()));
            Map<Path, Verdict> answer = new LinkedHashMap<>();
            for (Path yaml : yamls) {
                JsonNode verdict = verdicts.path(yaml.toAbsolutePath().normalize().toString());
                Optional<String> error = verdict.path("error").isTextual()
                        ? Optional.of(clean(verdict.path("error").asText()))
                        : Optional.empty();
                answer.put(yaml, new Verdict(error, verdict.path("offline").asBoolean()));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable verdicts: " + result, e);
        }
    }

    /**
     * {@code sky api start} on this instance's port: works offline with no cloud, about 8 s. Throws when it fails
     * or the server's port does not answer afterwards.
     */
    public Result startApiServer() {
        Result result = run(Duration.ofSeconds(180), "api", "start");
        if (result.exitCode() != 0 || !apiServerListening()) {
            throw new IllegalStateException("the local API server did not start: " + result);
        }
        return result;
    }

    /** {@code sky api stop}: "SkyPilot API server stopped." (or "... is not running."), exit 0 either way. */
    public Result stopApiServer() {
        return run(Duration.ofSeconds(120), "api", "stop");
    }

    /** Whether something accepts connections on this instance's API-server port. */
    public boolean apiServerListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the API server if one answers on this instance's port (started or auto-started), deletes HOME. */
    @Override
    public void close() {
        stopIfListening();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        deleteTree(root);
    }

    /** Removes ANSI escape sequences and carriage returns. */
    public static String clean(String text) {
        return ANSI.matcher(text).replaceAll("").replace("\r", "");
    }

    private void stopIfListening() {
        if (Files.isDirectory(home) && apiServerListening()) {
            stopApiServer();
        }
    }

    private Result execute(Duration timeout, List<String> command) {
        int call = calls.incrementAndGet();
        Path out = root.resolve("call-" + call + ".stdout");
        Path err = root.resolve("call-" + call + ".stderr");
        // Output goes to files, not pipes: an API server a command starts inherits its streams and outlives it.
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SKYPILOT_") || name.equals("FORCE_COLOR"));
        env.putAll(environment());
        env.put("PATH", venv.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            int exit = process.isAlive() ? -1 : process.exitValue();
            Result result = new Result(List.copyOf(command), exit,
                    new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8), elapsed, !finished);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
