package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.JournalEntry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlJournalConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int LINES = 50;

    @TempDir
    Path directory;

    @Test
    void fourThreadsEachWithTheirOwnJournalAppendTwoHundredWholeLines() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int first = 1 + w * LINES;
                writers.add(pool.submit(() -> appendRange(file, first)));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryRunOnce(file);
    }

    @Test
    void fourThreadsSharingOneJournalAppendTwoHundredWholeLines() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int first = 1 + w * LINES;
                writers.add(pool.submit(() -> {
                    for (int run = first; run < first + LINES; run++) {
                        journal.append(AppendingProcess.rejection(run));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryRunOnce(file);
    }

    @Test
    void fourProcessesAppendingAtOnceProduceTwoHundredWholeLines() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AppendingProcess.class.getName(), file.toString(), Integer.toString(1 + w * LINES),
                    Integer.toString(LINES))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("writer-" + w + ".log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start());
        }
        for (int w = 0; w < WRITERS; w++) {
            Process process = processes.get(w);
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                processes.forEach(Process::destroyForcibly);
            }
            assertTrue(finished, "writer " + w + " did not finish within 120 s");
            assertEquals(0, process.exitValue(), Files.readString(directory.resolve("writer-" + w + ".log")));
        }
        assertEveryRunOnce(file);
    }

    private static Void appendRange(Path file, int first) throws Exception {
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            for (int run = first; run < first + LINES; run++) {
                journal.append(AppendingProcess.rejection(run));
            }
        }
        return null;
    }

    private static void assertEveryRunOnce(Path file) throws Exception {
        List<JournalEntry> entries = JsonlJournal.read(file).entries();
        assertEquals(WRITERS * LINES, entries.size());
        assertEquals(WRITERS * LINES, Files.readAllLines(file).size());
        Set<Integer> runs = new TreeSet<>();
        for (JournalEntry entry : entries) {
            JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
            assertEquals(AppendingProcess.rejection(rejection.run()), rejection);
            runs.add(rejection.run());
        }
        assertEquals(WRITERS * LINES, runs.size());
    }
}
