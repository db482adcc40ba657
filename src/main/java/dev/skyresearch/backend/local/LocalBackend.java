package dev.skyresearch.backend.local;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.backend.PairStream;
import dev.skyresearch.backend.RunnerOutputParser;
import dev.skyresearch.backend.RunnerScript;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.process.ProcessResult;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.process.ProcessSpec;
import dev.skyresearch.process.RunningProcess;
import dev.skyresearch.workspace.TreeMaterializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * N slots on this machine ({@code local-1..N}). Each job gets fresh trees written from git objects under
 * .skyresearch/work/&lt;experiment&gt;/, runs the runner script in its own process group, and reports one
 * ExperimentFinished. One thread per slot; the engine never gives a busy slot a second job.
 */
public final class LocalBackend implements Backend {
    private final int slots;
    private final RunnerSettings settings;
    private final Workdirs workdirs;
    private final ProcessRunner processes;
    private final InstantSource clock;
    private final ExecutorService pool;
    private final Map<ExperimentId, RunningProcess> running = new ConcurrentHashMap<>();
    private final Map<ExperimentId, Boolean> cancelled = new ConcurrentHashMap<>();
    private final Map<ExperimentId, String> stoppedEarly = new ConcurrentHashMap<>();
    private volatile Consumer<EngineEvent> events = event -> { };
    private volatile boolean closed;

    public LocalBackend(int slots, RunnerSettings settings, Path stateDirectory, TreeMaterializer materializer,
                        ProcessRunner processes, InstantSource clock) {
        this.slots = slots;
        this.settings = settings;
        this.workdirs = new Workdirs(stateDirectory, materializer);
        this.processes = processes;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(slots, runnable -> {
            Thread thread = new Thread(runnable, "local-slot");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(Consumer<EngineEvent> events) {
        this.events = events;
        workdirs.reapLeftovers();
        for (int i = 1; i <= slots; i++) {
            events.accept(new EngineEvent.MachineReady(new MachineId("local-" + i), clock.millis()));
        }
    }

    @Override
    public void launch(Experiment experiment) {
        if (closed) {
            finish(experiment, ExperimentOutcome.lost("backend closed", clock.millis()));
            return;
        }
        pool.execute(() -> finish(experiment, run(experiment)));
    }

    @Override
    public void cancel(ExperimentId experiment) {
        cancelled.put(experiment, true);
        Optional.ofNullable(running.get(experiment)).ifPresent(RunningProcess::kill);
    }

    @Override
    public void stopEarly(ExperimentId experiment, String reason) {
        stoppedEarly.put(experiment, reason);
        Optional.ofNullable(running.get(experiment)).ifPresent(RunningProcess::kill);
    }

    /** A local slot has no replacement: the engine leaves a quarantined slot idle, and so does this backend. */
    @Override
    public void retire(MachineId machine, String reason) {
        // Nothing to stop: the slot's thread only runs what launch() hands it.
    }

    @Override
    public void close() {
        closed = true;
        running.keySet().forEach(this::cancel);
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExperimentOutcome run(Experiment experiment) {
        long started = clock.millis();
        try {
            Workdirs.Trees trees = workdirs.prepare(experiment);
            try {
                return execute(experiment, trees, started);
            } finally {
                workdirs.remove(experiment);
            }
        } catch (IOException | RuntimeException e) {
            return new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), null,
                    "could not run the job: " + e.getMessage(), List.of(), started, clock.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExperimentOutcome.lost("interrupted", clock.millis());
        }
    }

    private ExperimentOutcome execute(Experiment experiment, Workdirs.Trees trees, long started)
            throws IOException, InterruptedException {
        int invocations = Math.max(1, experiment.order().length());
        Consumer<String> pairs = experiment.paired()
                ? new PairStream(settings.metricName(), pair -> events.accept(new EngineEvent.PairMeasured(experiment.id(), pair)))
                : line -> { };
        ProcessSpec spec = new ProcessSpec(CpuPinning.command(experiment.machine(), slots, trees.script()), trees.root(),
                RunnerScript.environment(experiment, settings, trees.best(), trees.candidate()),
                settings.jobTimeout(invocations), Optional.of(workdirs.log(experiment)), pairs);
        RunningProcess process = processes.start(spec);
        running.put(experiment.id(), process);
        workdirs.recordRunner(experiment, process.pid());
        if (cancelled.containsKey(experiment.id())) {
            process.kill();
        }
        ProcessResult result = process.await();
        running.remove(experiment.id());
        String early = stoppedEarly.remove(experiment.id());
        if (cancelled.remove(experiment.id()) != null || (result.cancelled() && early == null)) {
            return ExperimentOutcome.lost("cancelled", clock.millis());
        }
        ExperimentOutcome parsed = RunnerOutputParser.parse(result.lines(), experiment, settings.metricName(),
                result.exitCode(), result.timedOut(), started, clock.millis());
        if (early == null) {
            return parsed;
        }
        // Stopped on purpose: what was measured stands, the runner's missing status does not make it a crash.
        return new ExperimentOutcome(OutcomeStatus.DONE, RunnerOutputParser.completedPairs(result.lines(),
                settings.metricName()), List.of(), parsed.host(), "stopped early: " + early, parsed.logTail(),
                started, clock.millis());
    }

    private void finish(Experiment experiment, ExperimentOutcome outcome) {
        events.accept(new EngineEvent.ExperimentFinished(experiment, outcome));
    }
}
