package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.testing.SkyDouble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sky backend against the double's injected failures (skypilot-cli.md §5): what is retried, what is not. */
class SkyBackendFaultsTest {
    private static final SkyLimits FAST = new SkyLimits(3, Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(2));
    private static final RunnerSettings RUNNER = new RunnerSettings("time_s", "", Duration.ofSeconds(30), "bench.sh",
            Duration.ofSeconds(30), "", Duration.ofSeconds(30));
    @TempDir
    Path state;
    @TempDir
    Path skyState;
    private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
    private SkyDouble sky;
    private SkyBackend backend;

    @AfterEach
    void tearDown() {
        if (backend != null) {
            backend.close();
        }
        if (sky != null) {
            sky.kill();
        }
    }

    /** A one-cluster fleet whose benchmark sleeps {@code seconds} and prints METRIC time_s=1.5. */
    private void start(String faults, double seconds) {
        sky = new SkyDouble(skyState);
        sky.faults(faults);
        SkySettings settings = new SkySettings("sr", 1, new SkyTask(Map.of("cpus", "2+"), "", Map.of(),
                Optional.empty()), Autostop.OFF, Duration.ofMillis(150), 0.5,
                List.of(sky.executable().toString()), sky.environment(), state, FAST);
        backend = new SkyBackend(settings, RUNNER, (commit, tree) -> {
            Path bench = tree.resolve("bench.sh");
            Files.writeString(bench, "sleep " + seconds + "\necho METRIC time_s=1.5\n");
            Files.setPosixFilePermissions(bench, PosixFilePermissions.fromString("rwxr-xr-x"));
        }, new RealProcessRunner(), InstantSource.system());
        backend.start(events::add);
    }

    private <T extends EngineEvent> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            EngineEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return type.cast(event);
            }
            if (event instanceof EngineEvent.FleetFailed failed && type != EngineEvent.FleetFailed.class) {
                throw new AssertionError("fleet failed: " + failed.reason());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 60 s");
    }

    private MachineId ready() throws InterruptedException {
        return await(EngineEvent.MachineReady.class, e -> true).machine();
    }

    private ExperimentOutcome measure(MachineId machine, int number) throws InterruptedException {
        Experiment experiment = new Experiment(new ExperimentId(number), ExperimentKind.BASELINE, Optional.empty(),
                machine, "0000000", Optional.empty(), 0, "", true, 1);
        backend.launch(experiment);
        return await(EngineEvent.ExperimentFinished.class, e -> e.experiment().id().equals(experiment.id())).outcome();
    }

    @Test
    void capacityErrorsAndAnUnreachableApiServerAreRetriedUntilTheClusterIsUp() throws Exception {
        start("{\"launch_seconds\": 0.1, \"rules\": [{\"command\": \"launch\", \"fault\": \"capacity\", \"times\": 2},"
                + " {\"command\": \"exec\", \"fault\": \"api_down\", \"times\": 1}]}", 0);
        MachineId machine = ready();
        assertEquals("sr-01", machine.value());
        ExperimentOutcome outcome = measure(machine, 1);
        assertEquals(OutcomeStatus.DONE, outcome.status(), outcome.error());
        assertEquals(List.of(1.5), outcome.samples());
        assertEquals(2, sky.jobs("sr-01").size(), "the probe and one experiment: no job submitted twice");
    }

    @Test
    void noCloudAccessIsNotRetriedAndStopsTheRunWithTheReason() throws Exception {
        start("{\"rules\": [{\"command\": \"launch\", \"fault\": \"no_cloud\"}]}", 0);
        String reason = await(EngineEvent.FleetFailed.class, e -> true).reason();
        assertTrue(reason.contains("NoCloudAccessError: Cloud access is not set up"), reason);
        assertEquals(List.of(), sky.clusters());
    }

    @Test
    void aClusterThatDisappearsMidJobLosesTheJobAndIsReplacedUnderTheNextName() throws Exception {
        start("{\"launch_seconds\": 0.1}", 3);
        MachineId first = ready();
        Experiment experiment = new Experiment(new ExperimentId(7), ExperimentKind.BASELINE, Optional.empty(), first,
                "0000000", Optional.empty(), 0, "", true, 1);
        backend.launch(experiment);
        Thread.sleep(1000);
        sky.faults("{\"rules\": [{\"command\": \"queue\", \"cluster\": \"sr-01\", \"fault\": \"vanish\", \"times\": 1}]}");
        ExperimentOutcome outcome = await(EngineEvent.ExperimentFinished.class, e -> true).outcome();
        assertEquals(OutcomeStatus.LOST, outcome.status(), "the engine re-queues a lost job with its candidate");
        assertEquals("sr-01", await(EngineEvent.MachineLost.class, e -> true).machine().value());
        assertEquals("sr-02", ready().value(), "a fresh cluster under the next free name");
        assertFalse(sky.clusters().contains("sr-01"));
    }

    @Test
    void aJobStuckPendingIsCancelledAndItsClusterReplaced() throws Exception {
        start("{\"launch_seconds\": 0.1, \"rules\": [{\"command\": \"exec\", \"cluster\": \"sr-01\", "
                + "\"fault\": \"stuck_pending\", \"times\": 1}]}", 0);
        ExperimentOutcome outcome = measure(ready(), 2);
        assertEquals(OutcomeStatus.LOST, outcome.status());
        assertTrue(outcome.error().contains("PENDING"), outcome.error());
        assertEquals("sr-02", ready().value());
        assertEquals("STOPPED", sky.status("sr-01"), "the failing cluster is stopped, not torn down");
    }

    @Test
    void aSubmitWhoseClientHangsIsAdoptedByNameNotSubmittedTwice() throws Exception {
        start("{\"launch_seconds\": 0.1, \"rules\": [{\"command\": \"exec\", \"fault\": \"hang_after_submit\", "
                + "\"times\": 1}, {\"command\": \"queue\", \"fault\": \"hang\", \"times\": 1}]}", 0);
        MachineId machine = ready();
        ExperimentOutcome outcome = measure(machine, 3);
        assertEquals(OutcomeStatus.DONE, outcome.status(), outcome.error());
        assertEquals(2, sky.jobs("sr-01").size(), "the probe and exactly one experiment job");
        assertFalse(sky.anyOverlap("sr-01"));
    }
}
