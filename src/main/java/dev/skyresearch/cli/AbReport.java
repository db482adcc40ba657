package dev.skyresearch.cli;

import dev.skyresearch.engine.Decision;
import dev.skyresearch.engine.Engine;
import dev.skyresearch.engine.PairSample;
import dev.skyresearch.engine.Verdict;
import dev.skyresearch.runner.AbSession;

/** The A/B as people read it: one row per pair in run order, then the ratio, its interval, p and the verdict. */
final class AbReport {
    private AbReport() {
    }

    static String text(AbSession.Result result, String unit) {
        StringBuilder text = new StringBuilder(String.format("A = best %s, B = %s%n%n",
                Engine.shortSha(result.experiment().bestCommit()), Engine.shortSha(result.experiment().candidateCommit().orElseThrow())));
        text.append(String.format("%-5s %-6s %-12s %-12s %s%n", "PAIR", "FIRST", "A" + suffix(unit), "B" + suffix(unit),
                "B/A"));
        for (PairSample pair : result.outcome().pairs()) {
            text.append(String.format("%-5d %-6s %-12.6g %-12.6g %.4f%n", pair.round(), pair.bestFirst() ? "A" : "B",
                    pair.best(), pair.candidate(), pair.candidate() / pair.best()));
        }
        if (result.verdict().isEmpty()) {
            return text.append("\nno verdict: ").append(result.outcome().status().label()).append(": ")
                    .append(result.outcome().error()).toString();
        }
        Verdict verdict = result.verdict().get();
        if (Double.isNaN(verdict.ratioLow())) {
            text.append(String.format("%nmedian cost ratio %.4f (too few pairs for a 95%% interval): gain %+.1f%%%n",
                    verdict.medianRatio(), 100 * verdict.gain()));
        } else {
            text.append(String.format("%nmedian cost ratio %.4f, 95%% interval [%.4f, %.4f]: gain %+.1f%% "
                    + "[%+.1f%%, %+.1f%%]%n", verdict.medianRatio(), verdict.ratioLow(), verdict.ratioHigh(),
                    100 * verdict.gain(), 100 * verdict.gainLow(), 100 * verdict.gainHigh()));
        }
        text.append(String.format("one-sided Wilcoxon signed-rank p = %.3g over %d pairs: %s (%s)", verdict.p(),
                verdict.pairs(), verdict.decision() == Decision.KEEP ? "B is faster" : "no proven gain", verdict.reason()));
        return text.toString();
    }

    private static String suffix(String unit) {
        return unit.isEmpty() ? "" : " (" + unit + ")";
    }
}
