package dev.skyresearch.runner;

import dev.skyresearch.backend.CostReport;
import dev.skyresearch.engine.Action;
import dev.skyresearch.engine.Engine;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.EngineSnapshot;
import dev.skyresearch.engine.JournalEntry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns the {@link Engine}. Other threads only {@link #post} events; this loop takes them
 * one at a time, feeds them to the engine, carries out the actions, and publishes a snapshot after each.
 */
public final class EngineRunner {
    private final RunnerParts parts;
    private final ActionExecutor executor;
    private final InboxIntake intake;
    private final BlockingQueue<EngineEvent> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;

    public EngineRunner(RunnerParts parts) {
        this.parts = parts;
        this.executor = new ActionExecutor(parts);
        this.intake = new InboxIntake(parts.store(), parts.clock());
    }

    /** Thread-safe: hands an event to the runner thread. */
    public void post(EngineEvent event) {
        queue.add(event);
    }

    /**
     * Before the fleet starts: journals keeps recovered from the run branch (their commits exist, so only the
     * record is written), then runs the actions a replayed engine still owes (see {@link Engine#resume()}).
     */
    public void resume(List<JournalEntry.Run> recovered) {
        for (JournalEntry.Run keep : recovered) {
            parts.engine().on(new EngineEvent.ExperimentFinished(keep.experiment(), keep.outcome()));
            process(parts.engine().on(new EngineEvent.WinnerCommitted(keep.experiment().candidate().orElseThrow(),
                    keep.commit(), keep.timestampMillis())));
        }
        process(parts.engine().resume());
    }

    /**
     * Runs the loop on the calling thread until the engine halts, or until it is idle and either
     * {@code untilEmpty} is set or a stop was requested.
     */
    public RunOutcome run(boolean untilEmpty, Duration poll) throws InterruptedException {
        try {
            parts.backend().start(this::post);
            publish();
            while (true) {
                EngineEvent event = queue.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
                intake.drain(this::feed);
                feed(event == null ? new EngineEvent.Tick(parts.clock().millis()) : event);
                EngineSnapshot snapshot = publish();
                Optional<Action.Halt> halt = executor.halt();
                if (halt.isPresent()) {
                    return new RunOutcome(halt.get().configurationError() ? 2 : 1, Optional.of(halt.get().reason()),
                            snapshot, parts.backend().cost());
                }
                if (snapshot.idle() && (untilEmpty || snapshot.stopping() || interrupted)) {
                    return new RunOutcome(0, Optional.empty(), snapshot, parts.backend().cost());
                }
            }
        } finally {
            parts.backend().close();
            finished.countDown();
        }
    }

    /** From a signal handler: no new jobs, running ones are cancelled (they run again next time). */
    public void interrupt(Duration wait) {
        interrupted = true;
        post(new EngineEvent.StopRequested("interrupted"));
        parts.backend().close();
        try {
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feed(EngineEvent event) {
        process(parts.engine().on(event));
    }

    private void process(List<Action> first) {
        Deque<EngineEvent> followUps = new ArrayDeque<>();
        executor.execute(first, followUps::add);
        while (!followUps.isEmpty()) {
            executor.execute(parts.engine().on(followUps.poll()), followUps::add);
        }
    }

    private EngineSnapshot publish() {
        EngineSnapshot snapshot = parts.engine().snapshot();
        Optional<CostReport> cost = parts.backend().cost();
        parts.status().publish(snapshot, cost);
        if (parts.maxUsd() > 0 && !snapshot.stopping() && cost.filter(c -> c.spendUsd() >= parts.maxUsd()).isPresent()) {
            feed(new EngineEvent.StopRequested(String.format("the fleet has cost $%.2f, stop.max_usd is $%.2f",
                    cost.get().spendUsd(), parts.maxUsd())));
        }
        return snapshot;
    }
}
