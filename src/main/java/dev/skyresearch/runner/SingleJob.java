package dev.skyresearch.runner;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.backend.local.LocalBackend;
import dev.skyresearch.backend.sky.SkyBackend;
import dev.skyresearch.backend.sky.SkySettings;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.workspace.JGitTreeMaterializer;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One job on one machine, outside the loop (`ab`, `validate`): a local slot, or with {@code sky} settings one
 * cluster of the fleet. Takes the run lock, so it never measures beside a running loop whose machines it would
 * disturb, and waits for the machine and the outcome with time limits.
 */
public record SingleJob(RunFiles files, TargetRepository repository, ProcessRunner processes, InstantSource clock,
                        Optional<SkySettings> sky) {

    public SingleJob(RunFiles files, TargetRepository repository, ProcessRunner processes, InstantSource clock) {
        this(files, repository, processes, clock, Optional.empty());
    }

    ExperimentOutcome run(RunnerSettings settings, Experiment experiment, String purpose)
            throws IOException, InterruptedException {
        try (RunLock lock = RunLock.tryAcquire(files.runLock()).orElseThrow(() -> new IllegalStateException(
                "a skyresearch run (pid " + RunLock.owner(files.runLock()) + ") is using this repository's machines; "
                        + "stop it, or wait for it, before " + purpose));
             Backend backend = backend(settings)) {
            BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
            backend.start(events::add);
            Duration machineLimit = sky.map(s -> s.limits().launch().multipliedBy(2)).orElse(Duration.ofMinutes(1));
            MachineId machine = awaitMachine(events, machineLimit, purpose);
            backend.launch(on(experiment, machine));
            Duration limit = settings.jobTimeout(Math.max(1, experiment.order().length())).plusMinutes(1);
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                EngineEvent event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new IllegalStateException(purpose + " did not finish within " + limit.toMinutes() + " minutes");
                }
                if (event instanceof EngineEvent.ExperimentFinished finished) {
                    return finished.outcome();
                }
                if (event instanceof EngineEvent.FleetFailed failed) {
                    throw new IllegalStateException(failed.reason());
                }
            }
        }
    }

    private Backend backend(RunnerSettings settings) {
        if (sky.isPresent()) {
            return new SkyBackend(sky.get().withSize(1), settings, new JGitTreeMaterializer(repository), processes,
                    clock);
        }
        return new LocalBackend(1, settings, files.state(), new JGitTreeMaterializer(repository), processes, clock);
    }

    private static MachineId awaitMachine(BlockingQueue<EngineEvent> events, Duration limit, String purpose)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            EngineEvent event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("no machine came up within " + limit.toMinutes() + " minutes for "
                        + purpose);
            }
            if (event instanceof EngineEvent.MachineReady ready) {
                return ready.machine();
            }
            if (event instanceof EngineEvent.FleetFailed failed) {
                throw new IllegalStateException(failed.reason());
            }
        }
    }

    private static Experiment on(Experiment experiment, MachineId machine) {
        return new Experiment(experiment.id(), experiment.kind(), experiment.candidate(), machine,
                experiment.bestCommit(), experiment.candidateCommit(), experiment.pairs(), experiment.order(),
                experiment.runChecks(), experiment.verifyRound());
    }
}
