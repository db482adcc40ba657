package dev.skyresearch.stats;

import java.util.Arrays;

/** Monotone drift in a series of measurements, as Spearman's rank correlation with time. */
public final class Trend {
    private Trend() {
    }

    /** Spearman's rho between the values and their positions (ties get mid-ranks); 0 for fewer than 3 values. */
    public static double spearman(double[] values) {
        SignedRank.requireFinite(values);
        int n = values.length;
        if (n < 3) {
            return 0;
        }
        double[] ranks = ranks(values);
        double meanRank = (n + 1) / 2.0;
        double covariance = 0;
        double varianceValues = 0;
        double varianceTime = 0;
        for (int i = 0; i < n; i++) {
            double time = i + 1 - meanRank;
            double value = ranks[i] - meanRank;
            covariance += time * value;
            varianceValues += value * value;
            varianceTime += time * time;
        }
        return varianceValues == 0 ? 0 : covariance / Math.sqrt(varianceValues * varianceTime);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && values[order[j]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k < j; k++) {
                ranks[order[k]] = (i + j + 1) / 2.0;
            }
            i = j;
        }
        return ranks;
    }
}
