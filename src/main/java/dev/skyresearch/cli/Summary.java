package dev.skyresearch.cli;

import dev.skyresearch.backend.CostReport;
import dev.skyresearch.engine.CandidateStatus;
import dev.skyresearch.engine.EngineSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The closing line of a run or demo: baseline to best, and what became of every candidate. */
final class Summary {
    private Summary() {
    }

    static void print(NoticePrinter printer, Target target, EngineSnapshot snapshot, Optional<CostReport> cost) {
        String unit = target.config().metric().unit();
        Map<String, String> fields = new LinkedHashMap<>();
        snapshot.baseline().ifPresent(value -> fields.put("baseline", Double.toString(value)));
        snapshot.bestEstimate().ifPresent(value -> fields.put("best", Double.toString(value)));
        snapshot.gain().ifPresent(value -> fields.put("gain", Double.toString(value)));
        for (CandidateStatus status : CandidateStatus.values()) {
            fields.put(status.label(), Integer.toString(snapshot.count(status)));
        }
        fields.put("experiments", Integer.toString(snapshot.experimentsDone()));
        fields.put("best_commit", snapshot.bestCommit());
        printer.line("summary", text(snapshot, unit), fields);
        snapshot.candidates().stream()
                .filter(candidate -> candidate.status() == CandidateStatus.KEPT)
                .forEach(candidate -> printer.line("kept_change", "  kept " + candidate.id() + ": "
                        + candidate.description() + candidate.lastVerdict().map(v -> String.format(
                        " (%+.1f%%, p=%.2g)", 100 * v.gain(), v.p())).orElse(""), Map.of("candidate",
                        candidate.id().value())));
        cost.ifPresent(report -> printer.line("cost", String.format("cost: $%.2f for %d experiments ($%.3f each)%s%s",
                report.spendUsd(), report.experiments(), report.perExperimentUsd(),
                snapshot.count(CandidateStatus.KEPT) > 0 ? String.format(", $%.2f per kept improvement",
                        report.perKeepUsd(snapshot.count(CandidateStatus.KEPT))) : "",
                report.pricesKnown() ? "" : " (some cluster prices unknown: set fleet.hourly_usd)"),
                Map.of("spend_usd", Double.toString(report.spendUsd()))));
    }

    static String text(EngineSnapshot snapshot, String unit) {
        String progress = snapshot.baseline().map(baseline -> String.format("baseline %s -> best %s (%s)",
                value(baseline, unit), value(snapshot.bestEstimate().orElse(baseline), unit),
                snapshot.gain().map(g -> String.format("%+.1f%%", 100 * g)).orElse("?")))
                .orElse("no baseline measured");
        return String.format("summary: %s; %d kept, %d discarded, %d crashed, %d checks failed, %d rejected, "
                        + "%d queued; %d experiments", progress, snapshot.count(CandidateStatus.KEPT),
                snapshot.count(CandidateStatus.DISCARDED), snapshot.count(CandidateStatus.CRASHED),
                snapshot.count(CandidateStatus.CHECKS_FAILED), snapshot.count(CandidateStatus.REJECTED),
                snapshot.count(CandidateStatus.QUEUED) + snapshot.count(CandidateStatus.PROMISING),
                snapshot.experimentsDone());
    }

    private static String value(double value, String unit) {
        return String.format("%.4g%s", value, unit.isEmpty() ? "" : " " + unit);
    }
}
