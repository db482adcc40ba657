package dev.skyresearch.runner;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.backend.local.LocalBackend;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.workspace.JGitTreeMaterializer;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One job on one local slot, outside the loop (`ab`, `validate`). Takes the run lock, so it never measures beside
 * a running loop whose machines it would disturb, and waits for the outcome with a time limit.
 */
public record SingleJob(RunFiles files, TargetRepository repository, ProcessRunner processes, InstantSource clock) {

    ExperimentOutcome run(RunnerSettings settings, Experiment experiment, String purpose)
            throws IOException, InterruptedException {
        try (RunLock lock = RunLock.tryAcquire(files.runLock()).orElseThrow(() -> new IllegalStateException(
                "a skyresearch run (pid " + RunLock.owner(files.runLock()) + ") is using this repository's machines; "
                        + "stop it, or wait for it, before " + purpose));
             LocalBackend backend = new LocalBackend(1, settings, files.state(), new JGitTreeMaterializer(repository),
                     processes, clock)) {
            BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
            backend.start(events::add);
            backend.launch(experiment);
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
            }
        }
    }
}
