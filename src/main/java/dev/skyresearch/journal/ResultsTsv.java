package dev.skyresearch.journal;

import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.JournalEntry;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * results.tsv in karpathy's columns ({@code commit metric memory_gb status description}): one row per decision,
 * i.e. the baseline, every keep, discard, crash and failed check, and every rejection. A pure function of the
 * journal's entries. {@code memory_gb} is always 0.0: an entry keeps only its representative metric, not the
 * runner's other metrics (karpathy's column is for GPU memory, which skyresearch does not measure).
 */
public final class ResultsTsv {
    private static final Set<String> DECISIONS = Set.of("keep", "discard", "crash", "checks_failed");

    private ResultsTsv() {
    }

    public static String render(List<JournalEntry> entries) {
        StringBuilder tsv = new StringBuilder("commit\tmetric\tmemory_gb\tstatus\tdescription\n");
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Run run && decision(run)) {
                row(tsv, run.commit(), run.metric().orElse(0.0), run.status(), run.description());
            } else if (entry instanceof JournalEntry.Rejection rejection) {
                row(tsv, "-", 0.0, "rejected", rejection.description() + " (" + rejection.reason() + ")");
            }
        }
        return tsv.toString();
    }

    /** Intermediate steps (promising, extend, stale) are measurements, not decisions: they stay in the journal. */
    private static boolean decision(JournalEntry.Run run) {
        return run.experiment().kind() == ExperimentKind.BASELINE || DECISIONS.contains(run.status());
    }

    private static void row(StringBuilder tsv, String commit, double metric, String status, String description) {
        String shortCommit = commit.length() > 7 ? commit.substring(0, 7) : commit;
        tsv.append(shortCommit).append('\t')
                .append(String.format(Locale.ROOT, "%.6f", metric)).append('\t')
                .append("0.0").append('\t')
                .append(status).append('\t')
                .append(description.replaceAll("[\\t\\r\\n]+", " ")).append('\n');
    }
}
