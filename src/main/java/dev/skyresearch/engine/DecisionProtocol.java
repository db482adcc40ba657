package dev.skyresearch.engine;

import dev.skyresearch.stats.Interval;
import dev.skyresearch.stats.SignedRank;
import dev.skyresearch.stats.Summary;
import java.util.List;

/**
 * The keep/discard rules of design.md steps 2 and 3, as pure functions of measured pairs. The engine and
 * the statistics benchmark both call this class, so the benchmark measures the code that decides.
 *
 * <p>Both looks of a verification are tested at the Pocock boundary ({@link Policy#extensionAlpha()}):
 * testing the first look at the full α and the extension at a corrected α would spend more than α overall.
 */
public final class DecisionProtocol {
    private static final double CONFIDENCE = 0.95;
    private final Policy policy;

    public DecisionProtocol(Policy policy) {
        this.policy = policy;
    }

    /** Screening: promising when the median pair ratio beats 1. Lenient on purpose; verification decides. */
    public Verdict screen(List<PairSample> pairs) {
        double[] ratios = ratios(pairs);
        double median = Summary.median(ratios);
        Interval interval = ratioInterval(ratios);
        if (median < 1.0) {
            return verdict(Decision.PROMISING, pairs, median, interval, Double.NaN, "median pair ratio below 1");
        }
        return verdict(Decision.DISCARD, pairs, median, interval, Double.NaN, "not faster than best in screening");
    }

    /** The first look of a verification: keep, discard, or run the pre-planned extension. */
    public Verdict verifyFirstLook(List<PairSample> pairs) {
        return verify(pairs, true);
    }

    /** The second look, over the pooled pairs of both looks: keep or discard. */
    public Verdict verifyFinalLook(List<PairSample> pooled) {
        return verify(pooled, false, "no significant gain after the extension");
    }

    /** A single look with no extension, for an A/B on demand: faster (KEEP) or not proven (DISCARD). */
    public Verdict judgeOnce(List<PairSample> pairs) {
        return verify(pairs, false, "no significant gain");
    }

    private Verdict verify(List<PairSample> pairs, boolean canExtend) {
        return verify(pairs, canExtend, "");
    }

    private Verdict verify(List<PairSample> pairs, boolean canExtend, String finalReason) {
        double[] ratios = ratios(pairs);
        double median = Summary.median(ratios);
        double p = SignedRank.pLess(logs(ratios));
        Interval interval = ratioInterval(ratios);
        double alpha = policy.extensionAlpha();
        boolean bigEnough = 1.0 - median >= policy.minEffect();
        if (p < alpha && bigEnough) {
            return verdict(Decision.KEEP, pairs, median, interval, p, "p below %s and gain at least %s"
                    .formatted(number(alpha), percent(policy.minEffect())));
        }
        if (p < alpha) {
            return verdict(Decision.DISCARD, pairs, median, interval, p, "faster, but by less than the minimum effect "
                    + percent(policy.minEffect()));
        }
        if (canExtend && p <= policy.futilityP()) {
            return verdict(Decision.EXTEND, pairs, median, interval, p, "inconclusive; running the planned extension");
        }
        return verdict(Decision.DISCARD, pairs, median, interval, p, canExtend
                ? "no evidence of a gain (p above " + number(policy.futilityP()) + ")"
                : finalReason);
    }

    private double[] ratios(List<PairSample> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pairs to decide on");
        }
        double[] ratios = new double[pairs.size()];
        for (int i = 0; i < ratios.length; i++) {
            PairSample pair = pairs.get(i);
            ratios[i] = policy.direction().costRatio(pair.best(), pair.candidate());
        }
        return ratios;
    }

    private static double[] logs(double[] ratios) {
        double[] logs = new double[ratios.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(ratios[i]);
        }
        return logs;
    }

    private static Interval ratioInterval(double[] ratios) {
        Interval logInterval = SignedRank.hodgesLehmann(logs(ratios), CONFIDENCE);
        return new Interval(Math.exp(logInterval.estimate()), Math.exp(logInterval.low()),
                Math.exp(logInterval.high()));
    }

    private static Verdict verdict(Decision decision, List<PairSample> pairs, double median, Interval interval,
                                   double p, String reason) {
        return new Verdict(decision, pairs.size(), median, interval.low(), interval.high(), p, reason);
    }

    static String percent(double fraction) {
        return String.format("%.1f%%", 100 * fraction);
    }

    private static String number(double value) {
        return String.format("%.4g", value);
    }
}
