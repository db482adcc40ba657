package dev.skyresearch.engine;

/**
 * A stage's statistics and conclusion. Ratios are candidate cost over best cost (below 1 is better);
 * the interval is the 95% interval of the median pair ratio; {@code p} is the one-sided Wilcoxon
 * signed-rank p-value (NaN for screening, which does not test).
 */
public record Verdict(Decision decision, int pairs, double medianRatio, double ratioLow, double ratioHigh,
                      double p, String reason) {

    /** The relative improvement, positive when the candidate is better. */
    public double gain() {
        return 1.0 - medianRatio;
    }

    public double gainLow() {
        return 1.0 - ratioHigh;
    }

    public double gainHigh() {
        return 1.0 - ratioLow;
    }
}
