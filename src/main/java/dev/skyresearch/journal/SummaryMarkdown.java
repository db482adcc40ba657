package dev.skyresearch.journal;

import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.JournalEntry;
import java.util.List;
import java.util.Locale;

/** autoresearch.md, the living summary: where the run stands, what was kept, and the latest decisions. */
public final class SummaryMarkdown {
    private static final int RECENT = 20;

    private SummaryMarkdown() {
    }

    public static String render(RunSummary summary, List<JournalEntry> entries) {
        StringBuilder md = new StringBuilder("# autoresearch: ").append(summary.target()).append("\n\n");
        md.append("Written by skyresearch from autoresearch.jsonl; edits here are overwritten.\n\n");
        md.append(String.format(Locale.ROOT, "- metric: `%s` (%s, %s is better)%n", summary.metricName(),
                summary.unit(), summary.direction().name().toLowerCase()));
        md.append("- run branch: `").append(summary.branch()).append("`\n");
        summary.baseline().ifPresent(baseline -> md.append("- baseline: ").append(Formats.value(baseline, summary.unit()))
                .append(summary.best().map(best -> " -> best " + Formats.value(best, summary.unit())).orElse(""))
                .append('\n'));
        md.append(String.format("- candidates: %d kept, %d discarded, %d crashed, %d failed checks, %d rejected; "
                        + "%d measurements%n%n", count(entries, "keep"), count(entries, "discard"),
                count(entries, "crash"), count(entries, "checks_failed"), rejections(entries), runs(entries)));
        md.append("## Kept\n\n| candidate | description | gain [95% CI], p |\n|---|---|---|\n");
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Run run && kept(run)) {
                md.append(String.format("| %s | %s | %s |%n", run.experiment().candidate().map(Object::toString).orElse(""),
                        Formats.cell(run.description()), run.verdict().map(Formats::gain).orElse("")));
            }
        }
        md.append("\n## Latest decisions\n\n| run | stage | candidate | status | description |\n|---|---|---|---|---|\n");
        List<JournalEntry> recent = entries.subList(Math.max(0, entries.size() - RECENT), entries.size());
        for (JournalEntry entry : recent) {
            md.append(row(entry));
        }
        return md.toString();
    }

    private static String row(JournalEntry entry) {
        if (entry instanceof JournalEntry.Run run) {
            return String.format("| %d | %s | %s | %s | %s |%n", run.run(), run.experiment().kind().label(),
                    run.experiment().candidate().map(Object::toString).orElse("-"), run.status(),
                    Formats.cell(run.description()));
        }
        JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
        return String.format("| %d | intake | %s | rejected | %s (%s) |%n", rejection.run(), rejection.candidate(),
                Formats.cell(rejection.description()), Formats.cell(rejection.reason()));
    }

    static boolean kept(JournalEntry.Run run) {
        return run.experiment().kind() == ExperimentKind.VERIFY && run.status().equals("keep");
    }

    private static long count(List<JournalEntry> entries, String status) {
        return entries.stream().filter(entry -> entry instanceof JournalEntry.Run run
                && run.experiment().kind() != ExperimentKind.BASELINE && run.status().equals(status)).count();
    }

    private static long rejections(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.Rejection.class::isInstance).count();
    }

    private static long runs(List<JournalEntry> entries) {
        return entries.stream().filter(JournalEntry.Run.class::isInstance).count();
    }
}
