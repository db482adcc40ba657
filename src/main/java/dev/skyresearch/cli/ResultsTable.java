package dev.skyresearch.cli;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Verdict;
import java.util.List;

/** The journal as an aligned table for people: one row per measurement or rejection. */
final class ResultsTable {
    private ResultsTable() {
    }

    static String render(List<JournalEntry> entries, String unit) {
        StringBuilder text = new StringBuilder(String.format("%-4s %-9s %-9s %-14s %-14s %-10s %-24s %s%n",
                "RUN", "EXP", "STAGE", "CANDIDATE", "STATUS", unit.isEmpty() ? "METRIC" : "METRIC/" + unit,
                "GAIN [95% CI]", "DESCRIPTION"));
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Run run) {
                text.append(String.format("%-4d %-9s %-9s %-14s %-14s %-10s %-24s %s%n", run.run(),
                        run.experiment().id(), run.experiment().kind().label(),
                        run.experiment().candidate().map(CandidateId::value).orElse("-"), run.status(),
                        run.metric().map(v -> String.format("%.4g", v)).orElse("-"),
                        run.verdict().map(ResultsTable::gain).orElse("-"), run.description()));
            } else {
                JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
                text.append(String.format("%-4d %-9s %-9s %-14s %-14s %-10s %-24s %s (%s)%n", rejection.run(), "-",
                        "intake", rejection.candidate().value(), "rejected", "-", "-", rejection.description(),
                        rejection.reason()));
            }
        }
        return text.toString();
    }

    private static String gain(Verdict verdict) {
        if (Double.isNaN(verdict.gainLow())) {
            return String.format("%+.1f%% [n too small]", 100 * verdict.gain());
        }
        return String.format("%+.1f%% [%+.1f, %+.1f]", 100 * verdict.gain(), 100 * verdict.gainLow(),
                100 * verdict.gainHigh());
    }
}
