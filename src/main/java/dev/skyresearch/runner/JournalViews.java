package dev.skyresearch.runner;

import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.journal.AtomicFiles;
import dev.skyresearch.journal.ImprovementsMarkdown;
import dev.skyresearch.journal.ResultsTsv;
import dev.skyresearch.journal.RunSummary;
import dev.skyresearch.journal.SummaryMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps results.tsv, autoresearch.md and IMPROVEMENTS.md in step with the journal. They are views: each is
 * rewritten whole (atomically) from the journal's entries, so a crash can at worst leave one a step behind.
 */
public final class JournalViews {
    private final RunFiles files;
    private final Supplier<RunSummary> summary;
    private final List<JournalEntry> entries = new ArrayList<>();

    public JournalViews(RunFiles files, Supplier<RunSummary> summary, List<JournalEntry> existing) {
        this.files = files;
        this.summary = summary;
        this.entries.addAll(existing);
    }

    public void add(JournalEntry entry) {
        entries.add(entry);
        write();
    }

    public void write() {
        try {
            AtomicFiles.writeString(files.resultsTsv(), ResultsTsv.render(entries));
            AtomicFiles.writeString(files.summary(), SummaryMarkdown.render(summary.get(), entries));
            AtomicFiles.writeString(files.improvements(), ImprovementsMarkdown.render(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's summary files: " + e.getMessage(), e);
        }
    }
}
