package dev.skyresearch.journal;

import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.JournalEntry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * autoresearch.md, the living summary: where the run stands, what was kept, and the latest decisions.
 * A pure function of the summary and the journal's entries; the runner rewrites the file after each decision.
 */
public final class SummaryMarkdown {
    private static final int RECENT = 20;

    private SummaryMarkdown() {
    }

    public static String render(RunSummary summary, List<JournalEntry> entries) {
        StringBuilder md = new StringBuilder("# autoresearch: ").append(summary.target()).append("\n\n");
        md.append("Written by skyresearch from autoresearch.jsonl; edits here are overwritten.\n\n");
        md.append(String.format(Locale.ROOT, "- metric: `%s`%s, %s is better\n", summary.metricName(),
                summary.unit().isEmpty() ? "" : " (" + summary.unit() + ")",
                summary.direction().name().toLowerCase(Locale.ROOT)));
        md.append("- run branch: `").append(summary.branch()).append("`\n");
        progress(summary).ifPresent(line -> md.append(line).append('\n'));
        md.append(String.format(Locale.ROOT, "- candidates: %d kept, %d discarded, %d crashed, %d failed checks, "
                        + "%d rejected; %d experiments\n\n", count(entries, "keep"), count(entries, "discard"),
                count(entries, "crash"), count(entries, "checks_failed"), rejections(entries), experiments(entries)));
        kept(md, entries);
        recent(md, entries);
        return md.toString();
    }

    private static Optional<String> progress(RunSummary summary) {
        return summary.baseline().map(baseline -> "- baseline: " + Formats.value(baseline, summary.unit())
                + summary.best().map(best -> " -> best " + Formats.value(best, summary.unit()) + " ("
                        + Formats.improvement(baseline, best, summary.direction()) + ")").orElse(""));
    }

    private static void kept(StringBuilder md, List<JournalEntry> entries) {
        md.append("## Kept\n\n| candidate | description | gain [95% CI], p |\n|---|---|---|\n");
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Run run && kept(run)) {
                md.append(String.format("| %s | %s | %s |\n", candidate(run), Formats.cell(run.description()),
                        run.verdict().map(Formats::gain).orElse("")));
            }
        }
    }

    private static void recent(StringBuilder md, List<JournalEntry> entries) {
        md.append("\n## Latest decisions\n\n| run | stage | candidate | status | gain [95% CI], p | description |\n"
                + "|---|---|---|---|---|---|\n");
        for (JournalEntry entry : entries.subList(Math.max(0, entries.size() - RECENT), entries.size())) {
            md.append(row(entry));
        }
    }

    private static String row(JournalEntry entry) {
        if (entry instanceof JournalEntry.Run run) {
            return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |\n", run.run(),
                    run.experiment().kind().label(), candidate(run), run.status(),
                    run.verdict().map(Formats::gain).orElse("-"), Formats.cell(run.description()));
        }
        JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
        return String.format(Locale.ROOT, "| %d | intake | %s | rejected | - | %s (%s) |\n", rejection.run(),
                rejection.candidate(), Formats.cell(rejection.description()), Formats.cell(rejection.reason()));
    }

    /** A change is kept when its verification says keep; the baseline's "keep" line is not a change. */
    static boolean kept(JournalEntry.Run run) {
        return run.experiment().kind() == ExperimentKind.VERIFY && run.status().equals("keep");
    }

    private static String candidate(JournalEntry.Run run) {
        return run.experiment().candidate().map(Object::toString).orElse("-");
    }

    private static long count(List<JournalEntry> entries, String status) {
        return entries.stream().filter(entry -> entry instanceof JournalEntry.Run run
                && run.experiment().kind() != ExperimentKind.BASELINE && run.status().equals(status)).count();
    }

    private static long rejections(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.Rejection.class::isInstance).count();
    }

    private static long experiments(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.Run.class::isInstance).count();
    }
}
