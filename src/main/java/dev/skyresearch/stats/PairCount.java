package dev.skyresearch.stats;

/**
 * How many interleaved pairs a gain needs on a machine, and the smallest gain a number of pairs can detect:
 * 80% power at one-sided α = 0.05 with the rank test's efficiency (reference/ab-statistics.md, section 3b).
 */
public final class PairCount {
    /** (z_0.95 + z_0.80) * sqrt(π/3): one-sided 5%, 80% power, the signed-rank test's efficiency 3/π folded in. */
    static final double K = (Normal.quantile(0.95) + Normal.quantile(0.80)) * Math.sqrt(Math.PI / 3);

    private PairCount() {
    }

    /** Pairs needed to detect a relative gain {@code gain} when one pair's log ratio has spread {@code pairSigma}. */
    public static int pairsFor(double pairSigma, double gain) {
        double effect = Math.log(1 / (1 - gain));
        return Math.max(2, (int) Math.ceil(Math.pow(K * pairSigma / effect, 2)));
    }

    /** The smallest relative gain {@code pairs} pairs detect with 80% power. */
    public static double minimumDetectableGain(double pairSigma, int pairs) {
        return 1 - Math.exp(-K * pairSigma / Math.sqrt(pairs));
    }
}
