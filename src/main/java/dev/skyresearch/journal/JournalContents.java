package dev.skyresearch.journal;

import dev.skyresearch.engine.JournalEntry;
import java.util.List;
import java.util.Optional;

/** Everything read back from a journal: its first header, if written, and its entries in file order. Immutable. */
public record JournalContents(Optional<JournalHeader> header, List<JournalEntry> entries) {
    public JournalContents {
        entries = List.copyOf(entries);
    }
}
