package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash leftovers a journal's end can hold, and how reads and the next append treat each. */
class JournalTailTest {
    @TempDir
    Path directory;

    private Path journalWith(String text) throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String line(JournalEntry entry) {
        return JournalCodec.toJson(entry).toString();
    }

    @Test
    void aLineTornInsideAMultiByteCharacterIsSkippedNotFatal() throws Exception {
        String kept = line(JournalSamples.kept());
        byte[] bytes = kept.getBytes(StandardCharsets.UTF_8);
        int cut = kept.substring(0, kept.indexOf('✓')).getBytes(StandardCharsets.UTF_8).length + 1;
        Path file = journalWith(line(JournalSamples.baseline()) + "\n");
        Files.write(file, Arrays.copyOf(bytes, cut), StandardOpenOption.APPEND);

        assertEquals(List.of(JournalSamples.baseline()), JsonlJournal.read(file).entries());
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.rejected());
        }
        assertEquals(List.of(JournalSamples.baseline(), JournalSamples.rejected()), JsonlJournal.read(file).entries());
    }

    @Test
    void aCompleteLastLineMissingOnlyItsNewlineIsKeptAndFinishedByTheNextAppend() throws Exception {
        Path file = journalWith(line(JournalSamples.baseline()) + "\n" + line(JournalSamples.crashed()));
        assertEquals(List.of(JournalSamples.baseline(), JournalSamples.crashed()), JsonlJournal.read(file).entries());

        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.rejected());
        }
        assertEquals(List.of(JournalSamples.baseline(), JournalSamples.crashed(), JournalSamples.rejected()),
                JsonlJournal.read(file).entries());
    }

    @Test
    void aMalformedLastLineThatReadsIgnoredIsCutBeforeTheNextAppendSoItNeverBecomesDamage() throws Exception {
        Path file = journalWith(line(JournalSamples.baseline()) + "\n\0\0\0\0\n\n");
        assertEquals(List.of(JournalSamples.baseline()), JsonlJournal.read(file).entries());

        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.rejected());
        }
        assertEquals(List.of(JournalSamples.baseline(), JournalSamples.rejected()), JsonlJournal.read(file).entries());
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void twoLinesRunTogetherInTheMiddleAreDamageNotTheFirstOfThem() throws Exception {
        String base = line(JournalSamples.baseline());
        Path file = journalWith(base + "{\"run\":2,\"comm\n" + base + "\n");
        JournalException error = assertThrows(JournalException.class, () -> JsonlJournal.read(file));
        assertTrue(error.getMessage().startsWith("autoresearch.jsonl:1: not valid JSON"), error.getMessage());
    }

    @Test
    void aJournalHoldingOnlyATornLineStillGetsItsHeader() throws Exception {
        Path file = journalWith("{\"type\":\"conf");
        JournalHeader header = new JournalHeader("demo", "time_s", "s", Direction.HIGHER, "autoresearch/x", 5);
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.appendHeaderIfEmpty(header);
        }
        assertEquals(header, JsonlJournal.read(file).header().orElseThrow());
    }

    @Test
    void aValidLastLineLongerThanTheScanWindowIsNotMistakenForTorn() throws Exception {
        String description = "x".repeat(200_000);
        JournalEntry.Rejection big = new JournalEntry.Rejection(2, new CandidateId("c-big"), description, "", "w-1",
                "too big", 9);
        Path file = journalWith(line(JournalSamples.baseline()) + "\n" + line(big) + "\n");
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.rejected());
        }
        assertEquals(List.of(JournalSamples.baseline(), big, JournalSamples.rejected()), JsonlJournal.read(file).entries());
    }
}
