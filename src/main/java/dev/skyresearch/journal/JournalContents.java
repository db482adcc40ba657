package dev.skyresearch.journal;

import dev.skyresearch.engine.JournalEntry;
import java.util.List;
import java.util.Optional;

/** Everything read back from a journal: its header, if written, and its entries in order. */
public record JournalContents(Optional<JournalHeader> header, List<JournalEntry> entries) {
    public JournalContents {
        entries = List.copyOf(entries);
    }
}
