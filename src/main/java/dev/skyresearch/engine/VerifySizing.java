package dev.skyresearch.engine;

import dev.skyresearch.stats.PairCount;

/**
 * How many verification pairs a machine gets from its calibration: a trusted machine the plan; a usable one
 * enough pairs to detect what a trusted machine detects with the plan (the plan scaled by the ratio of pair
 * variances), at most four times the plan. Shared by the scheduler and the statistics benchmark.
 */
public final class VerifySizing {
    private VerifySizing() {
    }

    public static int pairs(Policy policy, NoiseRecord noise) {
        int planned = policy.verifyPairs();
        if (noise.band() != NoiseBand.USABLE || !Double.isFinite(noise.pairSigma())) {
            return planned;
        }
        double target = PairCount.minimumDetectableGain(policy.noise().trustedPairSigma(), planned);
        return Math.min(4 * planned, Math.max(planned, PairCount.pairsFor(noise.pairSigma(), target)));
    }
}
