package dev.skyresearch.cli;

import dev.skyresearch.backend.PhaseTimes;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.runner.ValidateSession;
import dev.skyresearch.stats.Summary;
import java.util.Optional;

/** What `validate` says about one run: the failure, the samples, and whether the metric agrees with the clock. */
final class ValidateReport {
    /** A metric more than this factor away from the per-run wall time is likely a parsing or unit bug. */
    private static final double CLOCK_FACTOR = 2;

    private ValidateReport() {
    }

    static Optional<String> problem(ValidateSession.Result result) {
        if (result.outcome().status() == OutcomeStatus.DONE) {
            return Optional.empty();
        }
        return Optional.of(result.outcome().status().label() + ": " + result.outcome().error()
                + " (log: .skyresearch/logs/exp-0000.log)");
    }

    static String summary(ValidateSession.Result result, String metric, String unit) {
        double[] samples = result.outcome().samples().stream().mapToDouble(Double::doubleValue).toArray();
        return String.format("samples   %d x METRIC %s: median %.6g%s, robust CV %.1f%%%nhost      %s", samples.length,
                metric, Summary.median(samples), unit.isEmpty() ? "" : " " + unit, 100 * Summary.robustCv(samples),
                result.outcome().host().label());
    }

    /** For a time metric: each run's value should be close to the wall time the benchmark phase spent per run. */
    static Optional<String> clockCheck(ValidateSession.Result result, String metric, String unit) {
        double toMillis = switch (unit) {
            case "s" -> 1000;
            case "ms" -> 1;
            case "us" -> 0.001;
            case "ns" -> 0.000001;
            default -> 0;
        };
        Optional<PhaseTimes.Phase> bench = result.phases().stream().filter(p -> p.name().equals("bench")).findFirst();
        int runs = result.outcome().samples().size();
        if (toMillis == 0 || bench.isEmpty() || runs == 0) {
            return Optional.empty();
        }
        double metricMillis = toMillis * Summary.median(result.outcome().samples().stream()
                .mapToDouble(Double::doubleValue).toArray());
        double wallMillis = bench.get().millis() / (double) runs;
        double ratio = metricMillis / wallMillis;
        if (ratio <= CLOCK_FACTOR && ratio >= 1 / CLOCK_FACTOR) {
            return Optional.empty();
        }
        return Optional.of(String.format("METRIC %s says %.4g ms per run but the benchmark phase took %.4g ms per run "
                + "(x%.2f): check the unit and the parsing, or note that only part of each run is timed",
                metric, metricMillis, wallMillis, ratio));
    }
}
