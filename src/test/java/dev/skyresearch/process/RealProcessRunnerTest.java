package dev.skyresearch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealProcessRunnerTest {
    @TempDir
    Path directory;
    private final RealProcessRunner runner = new RealProcessRunner();

    private ProcessSpec bash(String script, Duration timeout) {
        return new ProcessSpec(List.of("bash", "-c", script), directory, Map.of("GREETING", "hi"), timeout,
                Optional.empty(), null);
    }

    @Test
    void reportsExitCodeOutputAndEnvironment() throws Exception {
        List<String> streamed = new CopyOnWriteArrayList<>();
        Path log = directory.resolve("logs/run.log");
        ProcessResult result = runner.run(bash("echo $GREETING; echo oops >&2; exit 3", Duration.ofSeconds(10))
                .withLogFile(log).withOnLine(streamed::add));
        assertEquals(3, result.exitCode());
        assertEquals(List.of("hi", "oops"), result.lines());
        assertEquals(List.of("hi", "oops"), streamed);
        assertEquals("hi\noops\n", Files.readString(log));
        assertFalse(result.succeeded());
    }

    @Test
    void aTimeoutKillsTheWholeProcessGroupIncludingGrandchildren() throws Exception {
        Path pidFile = directory.resolve("grandchild.pid");
        ProcessResult result = runner.run(bash("sleep 1000 & echo $! > " + pidFile + "; wait", Duration.ofMillis(700)));
        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false), "the grandchild survived");
    }

    @Test
    void killMarksTheResultCancelled() throws Exception {
        RunningProcess process = runner.start(bash("sleep 1000", Duration.ofMinutes(1)));
        process.kill();
        ProcessResult result = process.await();
        assertTrue(result.cancelled());
        assertFalse(result.timedOut());
    }

    @Test
    void keepsOnlyTheLastLinesOfAChattyProcess() throws Exception {
        ProcessResult result = runner.run(bash("seq 1 5000", Duration.ofSeconds(20)));
        assertEquals(RealProcessRunner.KEPT_LINES, result.lines().size());
        assertEquals("5000", result.lines().get(result.lines().size() - 1));
    }
}
