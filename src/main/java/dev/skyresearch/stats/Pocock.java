package dev.skyresearch.stats;

/**
 * Pocock's boundary for a test looked at twice with equal batches: the per-look one-sided level that keeps the
 * overall false-positive rate at α. The two looks' statistics correlate with ρ = √½.
 */
public final class Pocock {
    private static final double RHO = Math.sqrt(0.5);

    private Pocock() {
    }

    /**
     * The one-sided per-look level; for α = 0.05 it is 0.0304 (the often quoted 0.0294 is the two-sided
     * boundary for α = 0.05, i.e. 0.0147 per side).
     */
    public static double perLookAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        double low = Normal.quantile(1 - alpha);
        double high = Normal.quantile(1 - alpha / 2);
        for (int i = 0; i < 60; i++) {
            double c = (low + high) / 2;
            if (overall(c) > alpha) {
                low = c;
            } else {
                high = c;
            }
        }
        return 1 - Normal.cdf((low + high) / 2);
    }

    /** P(Z1 > c or Z2 > c) for standard normals with correlation ρ, by Simpson's rule over Z1. */
    static double overall(double c) {
        int steps = 2000;
        double from = -9;
        double width = (c - from) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double z = from + i * width;
            double weight = i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * density(z) * Normal.cdf((c - RHO * z) / Math.sqrt(1 - RHO * RHO));
        }
        return 1 - sum * width / 3;
    }

    private static double density(double z) {
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
    }
}
