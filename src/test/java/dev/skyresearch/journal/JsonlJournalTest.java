package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlJournalTest {
    @TempDir
    Path directory;

    private static final JournalHeader HEADER = new JournalHeader("demo", "time_s", "s", Direction.LOWER,
            "autoresearch/x", 1);

    @Test
    void appendedEntriesReadBackInOrderAfterTheHeader() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.appendHeaderIfEmpty(HEADER);
            journal.appendHeaderIfEmpty(HEADER);
            for (JournalEntry entry : JournalSamples.all()) {
                journal.append(entry);
            }
        }
        JournalContents contents = JsonlJournal.read(file);
        assertEquals(HEADER, contents.header().orElseThrow());
        assertEquals(JournalSamples.all(), contents.entries());
        assertTrue(Files.readString(file).startsWith("{\"type\":\"config\""));
    }

    @Test
    void aTornLastLineIsSkippedOnReadAndCutOffByTheNextAppend() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.baseline());
        }
        Files.writeString(file, "{\"run\":2,\"commit\":\"ab", StandardOpenOption.APPEND);
        assertEquals(List.of(JournalSamples.baseline()), JsonlJournal.read(file).entries());

        try (JsonlJournal journal = JsonlJournal.open(file)) {
            journal.append(JournalSamples.rejected());
        }
        assertEquals(List.of(JournalSamples.baseline(), JournalSamples.rejected()), JsonlJournal.read(file).entries());
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void aDamagedLineInTheMiddleIsReportedWithItsLineNumber() throws Exception {
        Path file = directory.resolve("autoresearch.jsonl");
        String good = JournalCodec.toJson(JournalSamples.baseline()).toString();
        Files.writeString(file, good + "\nnot json\n" + good + "\n", StandardCharsets.UTF_8);
        JournalException error = assertThrows(JournalException.class, () -> JsonlJournal.read(file));
        assertTrue(error.getMessage().startsWith("autoresearch.jsonl:2: not valid JSON"), error.getMessage());
    }

    @Test
    void aMissingJournalIsEmpty() throws Exception {
        assertTrue(JsonlJournal.read(directory.resolve("none.jsonl")).entries().isEmpty());
    }
}
