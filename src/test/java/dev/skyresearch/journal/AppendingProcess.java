package dev.skyresearch.journal;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.JournalEntry;
import java.nio.file.Path;

/** A separate JVM for {@link JsonlJournalConcurrencyTest}: appends rejections numbered from a base to a journal. */
public final class AppendingProcess {
    private AppendingProcess() {
    }

    /** Arguments: journal file, first run number, number of lines. */
    public static void main(String[] args) throws Exception {
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        try (JsonlJournal journal = JsonlJournal.open(Path.of(args[0]))) {
            for (int run = first; run < first + count; run++) {
                journal.append(rejection(run));
            }
        }
    }

    static JournalEntry.Rejection rejection(int run) {
        return new JournalEntry.Rejection(run, new CandidateId("c-" + run), "idea " + run + " é", "agent", "w-1",
                "touches a protected path", run);
    }
}
