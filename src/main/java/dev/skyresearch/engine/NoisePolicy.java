package dev.skyresearch.engine;

/**
 * The calibration rules: CV bands, the size of each A/A calibration, and how many experiments a machine runs
 * before it is calibrated again (0: never). {@code calibrationPairs} 0 turns calibration off.
 */
public record NoisePolicy(double trustedCv, double maxCv, int calibrationPairs, int recalibrateEvery) {
    /** No calibration: every machine is taken as it is. */
    public static final NoisePolicy OFF = new NoisePolicy(0.02, 0.05, 0, 0);
    /**
     * An A/A difference this significant means the machine, not the code, moves the numbers. Strict, because a
     * quiet machine must rarely be lost to chance: at ten pairs a quiet machine trips it 0.4% of the time.
     */
    public static final double AA_SIGNIFICANCE = 0.005;
    /** Spearman's rho beyond which the A/A series drifts (about p = 0.001 for ten pairs). */
    public static final double DRIFT_RHO = 0.9;

    public NoisePolicy {
        if (trustedCv <= 0 || maxCv < trustedCv) {
            throw new IllegalArgumentException("need 0 < trustedCv <= maxCv");
        }
    }

    /** The spread of one pair's log ratio on a machine exactly at trustedCv (two independent lognormal runs). */
    public double trustedPairSigma() {
        return Math.sqrt(2 * Math.log(1 + trustedCv * trustedCv));
    }

    public boolean enabled() {
        return calibrationPairs > 0;
    }
}
