package dev.skyresearch.backend.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend with real processes: trees are small folders of scripts standing in for commits. */
class LocalBackendTest {
    @TempDir
    Path state;
    @TempDir
    Path trees;
    private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
    private LocalBackend backend;

    private LocalBackend backend(Map<String, Map<String, String>> commits, Duration benchTimeout) {
        RunnerSettings settings = new RunnerSettings("time_s", "echo built > built.txt", Duration.ofSeconds(30),
                "bench.sh", benchTimeout, "checks.sh", Duration.ofSeconds(30));
        backend = new LocalBackend(2, settings, state, (commit, directory) -> {
            for (Map.Entry<String, String> file : commits.get(commit).entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.writeString(path, file.getValue());
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }, new RealProcessRunner(), InstantSource.system());
        backend.start(events::add);
        return backend;
    }

    @AfterEach
    void tearDown() {
        if (backend != null) {
            backend.close();
        }
    }

    private static Map<String, String> tree(String bench, String checks) {
        return Map.of("bench.sh", bench, "checks.sh", checks);
    }

    private static Experiment paired(int number, String best, String candidate, String order) {
        return new Experiment(new ExperimentId(number), ExperimentKind.SCREEN, Optional.empty(), new MachineId("local-1"),
                best, Optional.of(candidate), order.length() / 2, order, true, 1);
    }

    private ExperimentOutcome finished() throws InterruptedException {
        while (true) {
            EngineEvent event = events.poll(60, TimeUnit.SECONDS);
            assertNotNull(event, "no outcome within a minute");
            if (event instanceof EngineEvent.ExperimentFinished finished) {
                return finished.outcome();
            }
        }
    }

    @Test
    void announcesItsSlotsAndMeasuresABaseline() throws Exception {
        backend(Map.of("best", tree("echo 'METRIC time_s=2.5'\necho 'METRIC time_s=2.7'\n", "exit 0")), Duration.ofSeconds(30));
        assertTrue(events.take() instanceof EngineEvent.MachineReady ready && ready.machine().value().equals("local-1"));
        assertTrue(events.take() instanceof EngineEvent.MachineReady ready && ready.machine().value().equals("local-2"));
        backend.launch(new Experiment(new ExperimentId(1), ExperimentKind.BASELINE, Optional.empty(),
                new MachineId("local-1"), "best", Optional.empty(), 0, "", true, 1));
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.DONE, outcome.status(), outcome.error());
        assertEquals(java.util.List.of(2.5, 2.7), outcome.samples());
        assertTrue(outcome.host().cores() > 0);
        assertTrue(Files.readString(state.resolve("logs/exp-0001.log")).contains("EXPERIMENT_STATUS: done"));
        assertFalse(Files.exists(state.resolve("work/exp-0001")), "the job's trees are removed afterwards");
    }

    @Test
    void runsInterleavedPairsInTheGivenOrderInFreshlyBuiltTrees() throws Exception {
        String bench = "test -f built.txt || exit 9\necho 'METRIC time_s=VALUE'\n";
        backend(Map.of("best", tree(bench.replace("VALUE", "10"), "exit 0"),
                "cand", tree(bench.replace("VALUE", "8"), "exit 0")), Duration.ofSeconds(30));
        backend.launch(paired(2, "best", "cand", "ABBAAB"));
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.DONE, outcome.status(), outcome.error());
        assertEquals(3, outcome.pairs().size());
        assertEquals(10.0, outcome.pairs().get(0).best());
        assertEquals(8.0, outcome.pairs().get(0).candidate());
        assertEquals(java.util.List.of(true, false, true), outcome.pairs().stream().map(p -> p.bestFirst()).toList());
        String log = Files.readString(state.resolve("logs/exp-0002.log"));
        assertTrue(log.indexOf("PHASE bench side=A") < log.indexOf("PHASE bench side=B"), "runs follow the order");
    }

    @Test
    void aCandidateFailingItsChecksIsNeverTimed() throws Exception {
        backend(Map.of("best", tree("echo 'METRIC time_s=1'", "exit 0"),
                "cand", tree("echo timed >> /dev/stderr; echo 'METRIC time_s=1'", "echo 'mismatch at 3'; exit 1")),
                Duration.ofSeconds(30));
        backend.launch(paired(3, "best", "cand", "AB"));
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.CHECKS_FAILED, outcome.status());
        assertEquals("checks failed (exit 1): mismatch at 3", outcome.error());
        assertFalse(Files.readString(state.resolve("logs/exp-0003.log")).contains("timed"));
    }

    @Test
    void aHungBenchmarkIsKilledByItsTimeout() throws Exception {
        backend(Map.of("best", tree("sleep 600", "exit 0"), "cand", tree("sleep 600", "exit 0")), Duration.ofSeconds(1));
        long started = System.nanoTime();
        backend.launch(paired(4, "best", "cand", "AB"));
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.CRASH, outcome.status());
        assertEquals("benchmark timed out after 1s", outcome.error());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30);
    }

    @Test
    void runnersLeftByAKilledRunAreStoppedBeforeNewJobsStart() throws Exception {
        Path job = state.resolve("work/exp-0009");
        Files.createDirectories(job);
        Path script = job.resolve(dev.skyresearch.backend.RunnerScript.FILE_NAME);
        Files.writeString(script, "sleep 600\n");
        Process orphan = new ProcessBuilder("bash", script.toString()).start();
        Files.writeString(job.resolve("runner.pid"), orphan.pid() + "\n");

        backend(Map.of(), Duration.ofSeconds(1));
        assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "the leftover runner was stopped");
        assertFalse(Files.exists(job));
    }

    @Test
    void pairsStreamAsTheyCompleteAndAJobStoppedEarlyKeepsThem() throws Exception {
        backend(Map.of("best", tree("echo 'METRIC time_s=10'", "exit 0"),
                "cand", tree("echo 'METRIC time_s=13'; sleep 0.2", "exit 0")), Duration.ofSeconds(30));
        backend.launch(paired(6, "best", "cand", "ABABABABABABABABABAB"));
        int measured = 0;
        while (measured < 3) {
            EngineEvent event = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(event);
            if (event instanceof EngineEvent.PairMeasured pair) {
                assertEquals(13.0, pair.pair().candidate());
                measured++;
            }
        }
        backend.stopEarly(new ExperimentId(6), "clearly worse");
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.DONE, outcome.status());
        assertEquals("stopped early: clearly worse", outcome.error());
        assertTrue(outcome.pairs().size() >= 3 && outcome.pairs().size() < 10, "pairs: " + outcome.pairs().size());
    }

    @Test
    void aCancelledJobComesBackLost() throws Exception {
        backend(Map.of("best", tree("sleep 600", "exit 0"), "cand", tree("sleep 600", "exit 0")), Duration.ofMinutes(5));
        backend.launch(paired(5, "best", "cand", "AB"));
        while (!Files.exists(state.resolve("logs/exp-0005.log"))
                || !Files.readString(state.resolve("logs/exp-0005.log")).contains("PHASE bench side=A start")) {
            Thread.sleep(20);
        }
        backend.cancel(new ExperimentId(5));
        ExperimentOutcome outcome = finished();
        assertEquals(OutcomeStatus.LOST, outcome.status());
    }
}
