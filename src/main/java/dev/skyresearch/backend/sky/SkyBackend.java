package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.backend.CostReport;
import dev.skyresearch.backend.RunnerOutputParser;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.workspace.TreeMaterializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * SkyPilot clusters as machines. One job at a time per cluster (SkyPilot would run CPU jobs side by side): a job is
 * submitted with {@code sky exec -d} when the engine dispatches it, and its ExperimentFinished is sent only once
 * {@code sky logs --status} says it is final, so the next one never overlaps. The outcome is read from the
 * runner's markers in its log, never from the job status. One poller asks about every busy cluster at once.
 */
public final class SkyBackend implements Backend {
    private static final Logger LOG = Logger.getLogger(SkyBackend.class.getName());
    /** At most this many sky processes at once: each is a Python client talking to one API server. */
    private static final int CALL_THREADS = 16;
    private final SkySettings settings;
    private final RunnerSettings runner;
    private final InstantSource clock;
    private final Sky sky;
    private final JobUpload uploads;
    private final Path task;
    private final Path logs;
    private final CostLedger ledger = new CostLedger();
    private final ExecutorService calls;
    private final ScheduledExecutorService poller;
    private final Map<ExperimentId, SkyJob> jobs = new ConcurrentHashMap<>();
    /** Clusters that may hold a job of ours we lost track of: cleaned before their next submit. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Provisioner provisioner;
    private volatile Consumer<EngineEvent> events = event -> { };
    private volatile boolean closed;

    public SkyBackend(SkySettings settings, RunnerSettings runner, TreeMaterializer materializer,
                      ProcessRunner processes, InstantSource clock) {
        this.settings = settings;
        this.runner = runner;
        this.clock = clock;
        Path sky = settings.skyDirectory();
        this.logs = settings.stateDirectory().resolve("logs");
        this.uploads = new JobUpload(sky.resolve("upload"), materializer);
        this.task = TaskFiles.prepare(settings.task(), sky);
        SkyCli cli = new SkyCli(settings.command(), settings.environment(), settings.stateDirectory(), processes,
                command -> LOG.fine(command));
        this.sky = new Sky(cli, settings.limits(), cluster -> {
            if (provisioner != null) {
                clusterFailed(cluster, "too many failed sky calls on " + cluster);
            }
        });
        this.calls = Executors.newFixedThreadPool(CALL_THREADS, daemon("sky-call"));
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("sky-poll"));
    }

    @Override
    public void start(Consumer<EngineEvent> events) {
        this.events = events;
        this.provisioner = new Provisioner(settings, sky, uploads, task, new FleetFile(settings.skyDirectory()
                .resolve("fleet.json")), ledger, clock, calls, events, this::clean);
        provisioner.startFleet();
        long period = Math.max(50, settings.poll().toMillis());
        // At a fixed rate: a slow sky queue call does not add its own time to the next wait.
        poller.scheduleAtFixedRate(this::poll, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void launch(Experiment experiment) {
        SkyJob job = new SkyJob(experiment, jobName(experiment), clock.millis());
        if (closed) {
            finish(job, ExperimentOutcome.lost("backend closed", clock.millis()));
            return;
        }
        jobs.put(experiment.id(), job);
        calls.execute(() -> submit(job));
    }

    @Override
    public void cancel(ExperimentId experiment) {
        Optional.ofNullable(jobs.get(experiment)).ifPresent(job -> stop(job, SkyJob.Ending.CANCELLED, "cancelled"));
    }

    @Override
    public void stopEarly(ExperimentId experiment, String reason) {
        Optional.ofNullable(jobs.get(experiment)).ifPresent(job -> stop(job, SkyJob.Ending.STOPPED_EARLY, reason));
    }

    @Override
    public void retire(MachineId machine, String reason) {
        Optional.ofNullable(provisioner).ifPresent(fleet -> fleet.retire(machine.value(), reason));
    }

    @Override
    public Optional<CostReport> cost() {
        return Optional.of(ledger.report(clock.millis()));
    }

    /** Cancels this run's jobs (a cluster keeps nothing running for us) but leaves every cluster up. */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        for (SkyJob job : jobs.values()) {
            if (job.id() >= 0) {
                calls.execute(() -> {
                    try {
                        sky.cancel(job.cluster(), job.id());
                    } catch (SkyFailure e) {
                        LOG.warning("could not cancel " + job.name() + " on " + job.cluster() + ": " + e.getMessage());
                    }
                });
            }
        }
        calls.shutdown();
        try {
            calls.awaitTermination(settings.limits().query().toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.shutdownNow();
        Optional.ofNullable(provisioner).ifPresent(fleet -> fleet.activeClusters()
                .forEach(cluster -> ledger.down(cluster, clock.millis())));
    }

    private void submit(SkyJob job) {
        try {
            if (dirty.remove(job.cluster())) {
                clean(job.cluster());
            }
            Path upload = uploads.stage(job.name(), job.experiment());
            try {
                job.submitted(sky.exec(job.cluster(), task, job.name(),
                        SkyCommands.jobEnvironment(job.experiment(), runner, job.name()), upload));
            } finally {
                uploads.remove(job.name());
            }
            if (job.ending() != SkyJob.Ending.NORMAL) {
                cancelOnCluster(job);
            }
        } catch (SkyFailure.ClusterGone | SkyFailure.ClusterDown e) {
            finish(job, ExperimentOutcome.lost(e.getMessage(), clock.millis()));
            clusterFailed(job.cluster(), e.getMessage());
        } catch (SkyFailure.Permanent e) {
            finish(job, ExperimentOutcome.lost(e.getMessage(), clock.millis()));
            events.accept(new EngineEvent.FleetFailed("a job cannot be submitted: " + e.getMessage(), clock.millis()));
        } catch (SkyFailure.Transient e) {
            // The submit may have reached the server after all: clean the cluster before its next job.
            dirty.add(job.cluster());
            finish(job, ExperimentOutcome.lost("could not submit: " + e.getMessage(), clock.millis()));
        } catch (IOException | UncheckedIOException e) {
            finish(job, new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), null,
                    "could not stage the job's trees: " + e.getMessage(), List.of(), job.startedAt(), clock.millis()));
        }
    }

    /** Every poll: one {@code sky queue -s} over the busy clusters; a job that left it is read to the end. */
    private void poll() {
        try {
            replaceOnRequest();
            List<SkyJob> watched = jobs.values().stream().filter(SkyJob::watchable).toList();
            if (watched.isEmpty()) {
                return;
            }
            long now = clock.millis();
            for (SkyJob job : watched) {
                long limit = runner.jobTimeout(Math.max(1, job.experiment().order().length())).toMillis();
                if (now - job.startedAt() > limit && job.ending() == SkyJob.Ending.NORMAL) {
                    stop(job, SkyJob.Ending.TIMED_OUT, "timed out after " + limit / 1000 + "s");
                }
            }
            List<String> clusters = watched.stream().map(SkyJob::cluster).distinct().toList();
            Map<String, List<QueuedJob>> active = sky.activeJobs(clusters);
            for (SkyJob job : watched) {
                List<QueuedJob> onCluster = active.get(job.cluster());
                Optional<QueuedJob> row = onCluster == null ? Optional.empty()
                        : onCluster.stream().filter(queued -> queued.id() == job.id()).findFirst();
                if (row.isPresent()) {
                    checkPending(job, row.get(), now);
                } else if (job.claimForCompletion()) {
                    calls.execute(() -> complete(job));
                }
            }
        } catch (SkyFailure e) {
            LOG.warning("sky queue failed; asking again next poll: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.severe("poll failed: " + e);
        }
    }

    /** `skyresearch fleet replace NAME` while this run is active leaves a request file for the poller. */
    private void replaceOnRequest() throws IOException {
        Path requests = settings.skyDirectory().resolve("requests");
        if (!Files.isDirectory(requests)) {
            return;
        }
        try (var files = Files.list(requests)) {
            for (Path request : files.filter(file -> file.getFileName().toString().startsWith("replace-")).toList()) {
                String cluster = request.getFileName().toString().substring("replace-".length());
                Files.deleteIfExists(request);
                clusterFailed(cluster, cluster + " replaced on request (skyresearch fleet replace)");
            }
        }
    }

    private void checkPending(SkyJob job, QueuedJob row, long now) {
        if (row.state() == JobState.PENDING || row.state() == JobState.INIT) {
            job.pendingSince(now);
            if (now - job.pendingSinceMillis() > settings.limits().stuckPending().toMillis()
                    && job.ending() == SkyJob.Ending.NORMAL) {
                stop(job, SkyJob.Ending.CLUSTER_STUCK, job.cluster() + " left job " + job.id() + " PENDING for "
                        + (now - job.pendingSinceMillis()) / 1000 + "s");
            }
        }
    }

    private void complete(SkyJob job) {
        try {
            Sky.Log log = sky.finishedLogs(job.cluster(), job.id());
            List<String> lines = log.lines();
            JobState state = log.finalState().isPresent() ? log.finalState().get()
                    : sky.jobState(job.cluster(), job.id());
            if (!state.terminal()) {
                job.release();
                return;
            }
            long end = clock.millis();
            if (state == JobState.NOT_FOUND) {
                finish(job, ExperimentOutcome.lost("job " + job.id() + " is no longer on " + job.cluster(), end));
                return;
            }
            if (log.finalState().isEmpty()) {
                // It ended between the two calls: read the log again, now whole.
                lines = sky.logs(job.cluster(), job.id());
            }
            writeLog(job, lines);
            ledger.experiment(job.cluster(), job.startedAt(), end);
            finish(job, SkyOutcome.of(job, state, lines, runner.metricName(), end));
            if (job.ending() == SkyJob.Ending.CLUSTER_STUCK || state == JobState.FAILED_DRIVER) {
                clusterFailed(job.cluster(), job.cluster() + " failed job " + job.id() + " (" + state + ")");
            }
        } catch (SkyFailure.ClusterGone | SkyFailure.ClusterDown e) {
            finish(job, ExperimentOutcome.lost(job.cluster() + " is gone: " + e.getMessage(), clock.millis()));
            clusterFailed(job.cluster(), e.getMessage());
        } catch (SkyFailure e) {
            LOG.warning("could not read " + job.name() + "; trying again next poll: " + e.getMessage());
            job.release();
        }
    }

    /** Ends a job on purpose; the poller then reads it to the end like any other. */
    private void stop(SkyJob job, SkyJob.Ending ending, String reason) {
        if (job.end(ending, reason) && job.id() >= 0) {
            calls.execute(() -> cancelOnCluster(job));
        }
    }

    private void cancelOnCluster(SkyJob job) {
        try {
            sky.cancel(job.cluster(), job.id());
        } catch (SkyFailure e) {
            LOG.warning("could not cancel " + job.name() + " on " + job.cluster() + ": " + e.getMessage());
        }
    }

    /** Cancels every unfinished job on a cluster and waits until they are final: the cluster is then ours alone. */
    private void clean(String cluster) {
        List<QueuedJob> leftovers = sky.activeJobs(List.of(cluster)).getOrDefault(cluster, List.of());
        for (QueuedJob leftover : leftovers) {
            LOG.info("cancelling job " + leftover.id() + " (" + leftover.name() + ") left on " + cluster);
            sky.cancel(cluster, leftover.id());
        }
        for (QueuedJob leftover : leftovers) {
            long deadline = clock.millis() + settings.limits().query().toMillis();
            while (!sky.jobState(cluster, leftover.id()).terminal() && clock.millis() < deadline) {
                sleep();
            }
        }
    }

    /**
     * A cluster is out: its jobs are dropped here (MachineLost re-queues them in the engine), cancelled as far as
     * the cluster still answers, and the provisioner stops it and launches a successor.
     */
    private void clusterFailed(String cluster, String reason) {
        List<SkyJob> dropped = new java.util.ArrayList<>();
        for (SkyJob job : List.copyOf(jobs.values())) {
            if (job.cluster().equals(cluster) && jobs.remove(job.experiment().id(), job)) {
                dropped.add(job);
                if (job.id() >= 0) {
                    calls.execute(() -> cancelOnCluster(job));
                }
            }
        }
        if (!provisioner.failed(cluster, reason)) {
            // Already out of service, so no MachineLost is coming to re-queue them: say it per job.
            dropped.forEach(job -> events.accept(new EngineEvent.ExperimentFinished(job.experiment(),
                    ExperimentOutcome.lost(reason, clock.millis()))));
        }
    }

    private void finish(SkyJob job, ExperimentOutcome outcome) {
        jobs.remove(job.experiment().id(), job);
        events.accept(new EngineEvent.ExperimentFinished(job.experiment(), outcome));
    }

    /** Unique per attempt, so a retried experiment never shares a folder with its earlier attempt. */
    private String jobName(Experiment experiment) {
        return experiment.id() + "-" + Long.toString(clock.millis() % 1_000_000, 36) + attempts.incrementAndGet();
    }

    private void writeLog(SkyJob job, List<String> lines) {
        try {
            Files.createDirectories(logs);
            Files.write(logs.resolve(job.experiment().id() + ".log"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning("could not write the log of " + job.name() + ": " + e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyFailure.Transient("interrupted");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
