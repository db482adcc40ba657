package dev.skyresearch.journal;

import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Verdict;
import java.util.List;

/**
 * IMPROVEMENTS.md: one section per kept change, with the evidence a reviewer needs to trust it.
 * A pure function of the journal's entries; the runner rewrites the file after each decision.
 */
public final class ImprovementsMarkdown {
    private ImprovementsMarkdown() {
    }

    public static String render(List<JournalEntry> entries) {
        StringBuilder md = new StringBuilder("# Improvements\n\nEvery change skyresearch kept, oldest first. "
                + "Written from autoresearch.jsonl; edits here are overwritten.\n");
        int number = 0;
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Run run && SummaryMarkdown.kept(run)) {
                number++;
                section(md, number, run);
            }
        }
        if (number == 0) {
            md.append("\nNothing kept yet.\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, int number, JournalEntry.Run run) {
        Verdict verdict = run.verdict().orElseThrow();
        Fingerprint host = run.outcome().host();
        md.append("\n## ").append(number).append(". ").append(Formats.firstLine(run.description())).append("\n\n");
        md.append("- problem: ").append(Formats.cell(run.description())).append('\n');
        md.append("- change: candidate `").append(run.experiment().candidate().map(Object::toString).orElse("-"))
                .append("`, commit `").append(run.commit()).append("`\n");
        md.append("- measured gain: ").append(Formats.gain(verdict)).append(", ").append(verdict.pairs())
                .append(" interleaved pairs (one-sided Wilcoxon signed-rank)\n");
        md.append("- machine: ").append(run.experiment().machine()).append(" (").append(fingerprint(host))
                .append(")\n");
        if (!run.source().isBlank()) {
            md.append("- source: ").append(Formats.cell(run.source())).append('\n');
        }
    }

    private static String fingerprint(Fingerprint host) {
        if (host.equals(Fingerprint.UNKNOWN)) {
            return "hardware not reported";
        }
        String memory = host.memory().isEmpty() ? "" : ", " + host.memory() + " memory";
        String instance = host.instance().isEmpty() ? "" : ", " + host.instance();
        return host.label() + memory + instance;
    }
}
