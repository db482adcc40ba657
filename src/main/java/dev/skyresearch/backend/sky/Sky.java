package dev.skyresearch.backend.sky;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sky} commands skyresearch uses, typed: each builds its argv, runs under the cluster's guard, and reads
 * the answer the way skypilot-cli.md §4.4 recommends (job id from the submit line, final state from
 * {@code logs --status} exit codes, JSON from its first line). Thread-safe.
 */
final class Sky {
    private static final Pattern STATUS_LINE = Pattern.compile("^Job (\\d+): ([A-Z_]+|None)$");
    private final SkyCli cli;
    private final SkyGuards guards;
    private final SkyLimits limits;

    Sky(SkyCli cli, SkyLimits limits, Consumer<String> breakerOpened) {
        this.cli = cli;
        this.limits = limits;
        this.guards = new SkyGuards(limits, breakerOpened);
    }

    /** A job submitted by launch: its id, and the hourly price the optimizer chose when it made a new cluster. */
    record Launched(int jobId, Optional<Double> hourlyPrice) {}

    /**
     * Brings a cluster up (or reuses it) and runs the task once as job {@code jobName}: {@code -y -d}, the name
     * always with {@code -c} (a positional name would be run as a command). A retry first asks the queue whether
     * the previous attempt's job exists after all, so a timed-out launch is never submitted twice.
     */
    Launched launch(String cluster, Path task, String jobName, Map<String, String> env, Path workdir,
                    Autostop autostop) {
        List<String> args = SkyCommands.launch(cluster, task, jobName, env, workdir, autostop);
        AtomicBoolean retrying = new AtomicBoolean();
        return guards.onCluster(cluster, Launched.class, () -> {
            if (retrying.getAndSet(true)) {
                Optional<QueuedJob> earlier = findJob(cluster, jobName);
                if (earlier.isPresent()) {
                    return new Launched(earlier.get().id(), Optional.empty());
                }
            }
            SkyResult result = cli.checked(args, limits.launch());
            return new Launched(jobId(args, result), SkyText.chosenHourlyPrice(result.lines()));
        });
    }

    /** Submits the task as a new job on an UP cluster; idempotent across retries like {@link #launch}. */
    int exec(String cluster, Path task, String jobName, Map<String, String> env, Path workdir) {
        List<String> args = SkyCommands.exec(cluster, task, jobName, env, workdir);
        AtomicBoolean retrying = new AtomicBoolean();
        return guards.onCluster(cluster, Integer.class, () -> {
            if (retrying.getAndSet(true)) {
                Optional<QueuedJob> earlier = findJob(cluster, jobName);
                if (earlier.isPresent()) {
                    return earlier.get().id();
                }
            }
            return jobId(args, cli.checked(args, limits.submit()));
        });
    }

    /** One job's state from {@code sky logs C N --status}: the exit code decides, the status line adds detail. */
    JobState jobState(String cluster, int jobId) {
        List<String> args = SkyCommands.jobStatus(cluster, jobId);
        return guards.onCluster(cluster, JobState.class, () -> {
            SkyResult result = cli.run(args, limits.query());
            Optional<JobState> said = statusLine(result.lines(), jobId);
            return switch (result.exitCode()) {
                case 0 -> JobState.SUCCEEDED;
                case 100 -> said.filter(JobState::terminal).orElse(JobState.FAILED);
                case 101 -> said.filter(state -> !state.terminal()).orElse(JobState.RUNNING);
                case 102 -> JobState.NOT_FOUND;
                case 103 -> JobState.CANCELLED;
                default -> throw SkyCli.failure(args, result);
            };
        });
    }

    /** A job's whole log so far ({@code --no-follow}); the markers are read from it, never from the job status. */
    List<String> logs(String cluster, int jobId) {
        return finishedLogs(cluster, jobId).lines();
    }

    /** A job's log and, if it has ended, its final state. */
    record Log(List<String> lines, Optional<JobState> finalState) {}

    /**
     * A job's whole log. For a finished job {@code --no-follow} ends with "Job finished (status: X)" and exits
     * with X's job-status code (0/100/103); both must agree before X is taken as final, which saves the separate
     * {@code --status} call on the path from one job's end to the next one's start. A running job exits 0
     * without that line.
     */
    Log finishedLogs(String cluster, int jobId) {
        List<String> args = SkyCommands.logs(cluster, jobId);
        SkyResult result = guards.onCluster(cluster, SkyResult.class, () -> {
            SkyResult run = cli.run(args, limits.logs());
            if (run.exitCode() == 1 || run.exitCode() == 2) {
                throw SkyCli.failure(args, run);
            }
            return run;
        });
        Optional<JobState> said = SkyText.finishedState(result.lines());
        boolean agrees = said.filter(state -> switch (result.exitCode()) {
            case 0 -> state == JobState.SUCCEEDED;
            case 100 -> state == JobState.FAILED || state == JobState.FAILED_SETUP || state == JobState.FAILED_DRIVER;
            case 103 -> state == JobState.CANCELLED;
            default -> false;
        }).isPresent();
        return new Log(result.lines(), agrees ? said : Optional.empty());
    }

    /** The unfinished jobs of some clusters ({@code -s}); clusters that cannot be queried are absent. */
    Map<String, List<QueuedJob>> activeJobs(List<String> clusters) {
        List<String> args = SkyCommands.activeJobs(clusters);
        JsonNode json = guards.onFleet(JsonNode.class, () -> json(args, cli.checked(args, limits.query())));
        return jobsByCluster(json);
    }

    Optional<QueuedJob> findJob(String cluster, String jobName) {
        List<String> args = SkyCommands.queue(cluster);
        JsonNode json = json(args, cli.checked(args, limits.query()));
        return jobsByCluster(json).getOrDefault(cluster, List.of()).stream()
                .filter(job -> job.name().equals(jobName)).findFirst();
    }

    /** Cancels one job; a cluster that no longer exists has nothing left to cancel. */
    void cancel(String cluster, int jobId) {
        List<String> args = SkyCommands.cancel(cluster, jobId);
        guards.onCluster(cluster, SkyResult.class, () -> cli.checked(args, limits.query()));
    }

    /** The named clusters that exist, from {@code sky status -o json} ({@code []} when none do). */
    List<ClusterRecord> status(List<String> clusters) {
        List<String> args = SkyCommands.status(clusters);
        JsonNode json = guards.onFleet(JsonNode.class, () -> json(args, cli.checked(args, limits.query())));
        List<ClusterRecord> records = new ArrayList<>();
        for (JsonNode cluster : json) {
            records.add(new ClusterRecord(cluster.path("name").asText(), cluster.path("status").asText(""),
                    number(cluster.path("cpus")), number(cluster.path("memory")),
                    cluster.path("accelerators").asText(""), cluster.path("resources_str").asText(""),
                    cluster.path("autostop").asInt(-1), cluster.path("to_down").asBoolean(false)));
        }
        return records;
    }

    /** Stops a cluster (disks kept). `sky stop` exits 0 even when it failed, so callers check status after. */
    void stop(String cluster) {
        List<String> args = SkyCommands.stop(cluster);
        guards.onFleet(SkyResult.class, () -> cli.checked(args, limits.launch()));
    }

    /** Tears a cluster down. Like stop, it exits 0 on failure; callers check status after. */
    void down(String cluster) {
        List<String> args = SkyCommands.down(cluster);
        guards.onFleet(SkyResult.class, () -> cli.checked(args, limits.launch()));
    }

    void autostop(String cluster, Autostop autostop) {
        List<String> args = SkyCommands.autostop(cluster, autostop);
        guards.onCluster(cluster, SkyResult.class, () -> cli.checked(args, limits.query()));
    }

    private static int jobId(List<String> args, SkyResult result) {
        OptionalInt id = SkyText.submittedJob(result.lines());
        if (id.isEmpty()) {
            throw new SkyFailure.Transient("sky " + args.get(0) + ": exited 0 but printed no job id");
        }
        return id.getAsInt();
    }

    private static Optional<JobState> statusLine(List<String> lines, int jobId) {
        for (String line : lines) {
            Matcher matcher = STATUS_LINE.matcher(line.strip());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == jobId) {
                return JobState.parse(matcher.group(2));
            }
        }
        return Optional.empty();
    }

    private static JsonNode json(List<String> args, SkyResult result) {
        return SkyText.json(result.lines()).orElseThrow(() -> new SkyFailure.Transient(
                "sky " + args.get(0) + ": no JSON in its output"));
    }

    private static Map<String, List<QueuedJob>> jobsByCluster(JsonNode json) {
        Map<String, List<QueuedJob>> jobs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cluster = it.next();
            List<QueuedJob> list = new ArrayList<>();
            for (JsonNode job : cluster.getValue()) {
                JobState.parse(job.path("status").asText("")).ifPresent(state -> list.add(new QueuedJob(
                        job.path("job_id").asInt(), job.path("job_name").asText(""), state)));
            }
            jobs.put(cluster.getKey(), list);
        }
        return jobs;
    }

    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText("").replace("+", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
