package dev.skyresearch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sky test double (src/test/sky-double/sky) for one test: its state folder, its faults, and what it recorded,
 * so a test can assert on clusters and jobs. {@link #kill()} ends every job process it started.
 */
public final class SkyDouble {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path state;

    /** One job as the double recorded it; times are epoch seconds, 0 when not yet. */
    public record Job(int id, String name, String status, double startAt, double endAt, long pid) {
        public boolean terminal() {
            return List.of("SUCCEEDED", "FAILED", "FAILED_SETUP", "FAILED_DRIVER", "CANCELLED").contains(status);
        }
    }

    public SkyDouble(Path state) {
        this.state = state;
    }

    public Path executable() {
        return Path.of("src/test/sky-double/sky").toAbsolutePath();
    }

    public Path state() {
        return state;
    }

    public Map<String, String> environment() {
        return Map.of("SKY_DOUBLE_STATE", state.toString());
    }

    /** The command line for skyresearch.yaml's fleet.sky. */
    public String command() {
        return "env SKY_DOUBLE_STATE=" + state + " " + executable();
    }

    public void faults(String json) {
        try {
            Files.writeString(state.resolve("faults.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> clusters() {
        List<String> names = new ArrayList<>();
        read().path("clusters").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public String status(String cluster) {
        return read().path("clusters").path(cluster).path("status").asText("");
    }

    public List<Job> jobs(String cluster) {
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : read().path("clusters").path(cluster).path("jobs")) {
            jobs.add(new Job(job.path("job_id").asInt(), job.path("job_name").asText(), job.path("status").asText(),
                    job.path("start_at").asDouble(0), job.path("end_at").asDouble(0), job.path("pid").asLong(0)));
        }
        return jobs;
    }

    /** True if two jobs on the cluster ever ran at the same time. */
    public boolean anyOverlap(String cluster) {
        List<Job> started = jobs(cluster).stream().filter(job -> job.startAt() > 0).toList();
        for (Job a : started) {
            for (Job b : started) {
                double aEnd = a.endAt() > 0 ? a.endAt() : Double.MAX_VALUE;
                double bEnd = b.endAt() > 0 ? b.endAt() : Double.MAX_VALUE;
                if (a.id() < b.id() && a.startAt() < bEnd && b.startAt() < aEnd) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Kills every job process the double started (tests must not leave any behind). */
    public void kill() {
        for (String cluster : clusters()) {
            for (Job job : jobs(cluster)) {
                if (job.pid() > 0) {
                    ProcessHandle.of(job.pid()).ifPresent(process -> {
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                    });
                }
            }
        }
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
