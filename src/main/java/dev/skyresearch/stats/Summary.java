package dev.skyresearch.stats;

import java.util.Arrays;

/** Robust and classic summaries of a sample. Pure; inputs are never modified. */
public final class Summary {
    /** Scales the median absolute deviation to the standard deviation of a normal distribution. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private Summary() {
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The q-quantile with linear interpolation between order statistics (R's type 7). */
    public static double quantile(double[] values, double q) {
        double[] sorted = sorted(values);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The raw median absolute deviation from the median. */
    public static double mad(double[] values) {
        double center = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        return median(deviations);
    }

    /** 1.4826 * MAD / median: a coefficient of variation that a few outliers cannot inflate. */
    public static double robustCv(double[] values) {
        return MAD_TO_SIGMA * mad(values) / median(values);
    }

    public static double mean(double[] values) {
        requireValues(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n - 1 in the denominator); 0 for a single value. */
    public static double standardDeviation(double[] values) {
        double mean = mean(values);
        if (values.length < 2) {
            return 0;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    public static double cv(double[] values) {
        return standardDeviation(values) / mean(values);
    }

    static double[] sorted(double[] values) {
        requireValues(values);
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
    }
}
