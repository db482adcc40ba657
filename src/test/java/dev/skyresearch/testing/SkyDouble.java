package dev.skyresearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sky test double (src/test/sky-double/sky) for one test: its state folder, its faults, and what it recorded,
 * so a test can assert on clusters and jobs. {@link #kill()} ends every process it started (job runners, jobs and
 * hung clients); call it after each test.
 *
 * <p>faults.json (all keys optional; re-read by every call): {@code seed}, {@code deterministic}, {@code rate},
 * {@code launch_seconds}, {@code minute_seconds}, {@code autostopping_seconds}, {@code log_retry_seconds},
 * {@code price_per_hour}, {@code instance: {name, cpus, memory, infra, accelerators}} and {@code rules: [{command,
 * cluster, fault, times, seconds}]}; the script's header documents them.
 */
public final class SkyDouble {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TERMINAL = List.of("SUCCEEDED", "FAILED", "FAILED_SETUP", "FAILED_DRIVER",
            "CANCELLED");
    private final Path state;

    /** One job as the double recorded it; times are epoch seconds, 0 when not yet. */
    public record Job(int id, String name, String status, double startAt, double endAt, long pid, double submittedAt) {
        public boolean terminal() {
            return TERMINAL.contains(status);
        }
    }

    /** One cluster: status UP, INIT, STOPPED or AUTOSTOPPING; autostop in minutes, -1 when off. */
    public record Cluster(String name, String status, int autostop, boolean toDown, double cpus, double memory,
                          String hash) {
    }

    /** One sky call from calls.log; {@code exit} is -1 and {@code end} 0 for a call that never returned. */
    public record Call(List<String> argv, int exit, double start, double end) {
        public String command() {
            return argv.isEmpty() ? "" : argv.get(0);
        }
    }

    /** The double keeps its clusters, jobs and faults.json in {@code state} (a test's @TempDir). */
    public SkyDouble(Path state) {
        this.state = state;
    }

    /** The absolute path of src/test/sky-double/sky, found from the working directory or a parent of it. */
    public Path executable() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            Path script = at.resolve("src/test/sky-double/sky");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("src/test/sky-double/sky not found from " + dir);
    }

    public Path state() {
        return state;
    }

    /**
     * What a {@code sky} process needs: SKY_DOUBLE_STATE, UTF-8 output, and, when the first python3 on PATH is a
     * shim script (pyenv: about 80 ms per call), PATH led by a real interpreter; jobs still get the original PATH.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SKY_DOUBLE_STATE", state.toString());
        env.put("PYTHONIOENCODING", "utf-8");
        String path = System.getenv("PATH");
        fastPython(path).ifPresent(dir -> {
            env.put("PATH", dir + File.pathSeparator + path);
            env.put("SKY_DOUBLE_JOB_PATH", path);
        });
        return env;
    }

    /** The command line for skyresearch.yaml's fleet.sky. */
    public String command() {
        StringBuilder line = new StringBuilder("env");
        environment().forEach((key, value) -> {
            if (!value.matches(".*\\s.*")) {
                line.append(' ').append(key).append('=').append(value);
            }
        });
        return line.append(' ').append(executable()).toString();
    }

    /** Writes faults.json; the double re-reads it on every call, so a test may change it mid-run. */
    public void faults(String json) {
        try {
            Files.writeString(state.resolve("faults.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the clusters that exist now (any status). */
    public List<String> clusters() {
        List<String> names = new ArrayList<>();
        read().path("clusters").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public Optional<Cluster> cluster(String name) {
        JsonNode node = read().path("clusters").path(name);
        return node.isMissingNode() ? Optional.empty() : Optional.of(cluster(name, node));
    }

    /** The cluster's status, or "" when it does not exist. */
    public String status(String cluster) {
        return read().path("clusters").path(cluster).path("status").asText("");
    }

    /** The jobs of the cluster as it exists now, by id. */
    public List<Job> jobs(String cluster) {
        return jobs(read().path("clusters").path(cluster).path("jobs"));
    }

    /** Every job ever run under this cluster name, including earlier incarnations that were downed or vanished. */
    public List<Job> history(String cluster) {
        JsonNode root = read();
        List<Job> all = new ArrayList<>();
        for (JsonNode gone : root.path("gone")) {
            if (gone.path("name").asText().equals(cluster)) {
                all.addAll(jobs(gone.path("jobs")));
            }
        }
        all.addAll(jobs(root.path("clusters").path(cluster).path("jobs")));
        return all;
    }

    /** Names of cluster incarnations that are gone, each with why: down, autodown, vanished, preempted, ... */
    public List<String> gone() {
        List<String> gone = new ArrayList<>();
        for (JsonNode cluster : read().path("gone")) {
            gone.add(cluster.path("name").asText() + ": " + cluster.path("gone_reason").asText());
        }
        return gone;
    }

    /** True if two jobs under this cluster name (any incarnation) ever ran at the same time. */
    public boolean anyOverlap(String cluster) {
        List<Job> started = history(cluster).stream().filter(job -> job.startAt() > 0)
                .sorted(Comparator.comparingDouble(Job::startAt)).toList();
        for (int i = 0; i + 1 < started.size(); i++) {
            Job a = started.get(i);
            double aEnd = a.endAt() > 0 ? a.endAt() : Double.MAX_VALUE;
            for (int j = i + 1; j < started.size(); j++) {
                if (started.get(j).startAt() < aEnd) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every sky call so far, in the order they ended (calls still running or hung have exit -1). */
    public List<Call> calls() {
        Path log = state.resolve("calls.log");
        List<Call> calls = new ArrayList<>();
        try {
            if (!Files.exists(log)) {
                return calls;
            }
            for (String line : Files.readAllLines(log)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                List<String> argv = new ArrayList<>();
                node.path("argv").forEach(arg -> argv.add(arg.asText()));
                calls.add(new Call(argv, node.path("exit").asInt(-1), node.path("start").asDouble(),
                        node.path("end").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    /** Kills every process of this double (job runners, their jobs, hung clients); tests must not leak any. */
    public void kill() {
        if (!Files.isDirectory(state)) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(executable().toString(), "_kill_all")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment());
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Belt and braces: recorded runners and whatever still descends from them.
        List<Job> all = new ArrayList<>();
        for (String cluster : clusters()) {
            all.addAll(history(cluster));
        }
        for (Job job : all) {
            if (job.pid() > 0 && !job.terminal()) {
                ProcessHandle.of(job.pid()).ifPresent(process -> {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                });
            }
        }
    }

    private static Optional<String> fastPython(String path) {
        if (path == null) {
            return Optional.empty();
        }
        boolean shimFirst = false;
        for (String dir : path.split(File.pathSeparator)) {
            Path python = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (!Files.isExecutable(python) || Files.isDirectory(python)) {
                continue;
            }
            boolean binary = isBinary(python);
            if (!binary) {
                shimFirst = true;
                continue;
            }
            return shimFirst ? Optional.of(python.getParent().toString()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isBinary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return !(head.length == 2 && head[0] == '#' && head[1] == '!');
        } catch (IOException e) {
            return false;
        }
    }

    private static Cluster cluster(String name, JsonNode node) {
        return new Cluster(name, node.path("status").asText(""), node.path("autostop").asInt(-1),
                node.path("to_down").asBoolean(false), node.path("cpus").asDouble(), node.path("memory").asDouble(),
                node.path("hash").asText(""));
    }

    private static List<Job> jobs(JsonNode jobs) {
        List<Job> list = new ArrayList<>();
        for (JsonNode job : jobs) {
            list.add(new Job(job.path("job_id").asInt(), job.path("job_name").asText(""), job.path("status").asText(),
                    job.path("start_at").asDouble(0), job.path("end_at").asDouble(0), job.path("pid").asLong(0),
                    job.path("submitted_at").asDouble(0)));
        }
        list.sort(Comparator.comparingInt(Job::id));
        return list;
    }

    private JsonNode read() {
        Path file = state.resolve("state.json");
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
