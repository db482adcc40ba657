package dev.skyresearch.stats;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wilcoxon signed-rank test and its Hodges-Lehmann interval, for paired differences such as the log
 * ratios of interleaved pairs. Exact up to {@value #EXACT_LIMIT} non-zero differences (ties included, by
 * enumerating the null distribution of the doubled mid-ranks), normal approximation with tie and
 * continuity corrections above. Zero differences are dropped (Wilcoxon's original rule). Thread-safe.
 */
public final class SignedRank {
    static final int EXACT_LIMIT = 50;
    /** Cumulative null distributions of the doubled W+ without ties, by n: the common case, computed once. */
    private static final ConcurrentHashMap<Integer, double[]> UNTIED = new ConcurrentHashMap<>();

    private SignedRank() {
    }

    /** One-sided p-value for "the differences are centred below zero" (the candidate is better). */
    public static double pLess(double[] differences) {
        requireFinite(differences);
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1.0;
        }
        int[] doubledRanks = doubledRanks(nonZero);
        int observed = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                observed += doubledRanks[i];
            }
        }
        if (n > EXACT_LIMIT) {
            return normalP(observed, doubledRanks);
        }
        double[] cumulative = hasTies(doubledRanks) ? cumulative(doubledRanks) : untied(n);
        return Math.min(1.0, cumulative[observed]);
    }

    /** The large-sample p-value whatever n is; exposed so tests can compare it with the exact one. */
    static double pLessApproximate(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int[] doubledRanks = doubledRanks(nonZero);
        int observed = 0;
        for (int i = 0; i < nonZero.length; i++) {
            observed += nonZero[i] > 0 ? doubledRanks[i] : 0;
        }
        return normalP(observed, doubledRanks);
    }

    /**
     * The Hodges-Lehmann estimate (median of the Walsh averages) and its distribution-free interval. When n is
     * too small for the requested confidence (n <= 5 at 95%) the bounds are NaN: no interval reaches it.
     */
    public static Interval hodgesLehmann(double[] differences, double confidence) {
        requireFinite(differences);
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no differences");
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (differences[i] + differences[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        int cut = criticalCount(n, (1 - confidence) / 2);
        if (cut < 1) {
            // Too few differences for any interval at this confidence (n <= 5 for 95%): say so, with NaN bounds.
            return new Interval(Summary.median(walsh), Double.NaN, Double.NaN);
        }
        return new Interval(Summary.median(walsh), walsh[cut - 1], walsh[walsh.length - cut]);
    }

    /** The largest c with P(W+ <= c - 1) <= tail under the untied null: Walsh averages to trim from each end. */
    static int criticalCount(int n, double tail) {
        if (n > EXACT_LIMIT) {
            double size = n;
            double mean = size * (size + 1) / 4.0;
            double sd = Math.sqrt(size * (size + 1) * (2 * size + 1) / 24.0);
            return (int) Math.floor(mean + Normal.quantile(tail) * sd - 0.5) + 1;
        }
        double[] cumulative = untied(n);
        int c = 0;
        // cumulative is indexed by doubled W+, so W+ <= c - 1 sits at index 2 * (c - 1).
        while (2 * c < cumulative.length && cumulative[2 * c] <= tail) {
            c++;
        }
        return c;
    }

    private static double[] untied(int n) {
        return UNTIED.computeIfAbsent(n, size -> {
            int[] ranks = new int[size];
            for (int i = 0; i < size; i++) {
                ranks[i] = 2 * (i + 1);
            }
            return cumulative(ranks);
        });
    }

    /** P(doubled W+ <= s) for every s, each rank's sign a fair coin: the exact null distribution. */
    private static double[] cumulative(int[] doubledRanks) {
        int total = Arrays.stream(doubledRanks).sum();
        double[] density = new double[total + 1];
        density[0] = 1.0;
        int reach = 0;
        for (int rank : doubledRanks) {
            reach += rank;
            for (int s = reach; s >= 0; s--) {
                double withPositive = s >= rank ? density[s - rank] : 0;
                density[s] = 0.5 * (density[s] + withPositive);
            }
        }
        for (int s = 1; s <= total; s++) {
            density[s] += density[s - 1];
        }
        return density;
    }

    private static double normalP(int observedDoubled, int[] doubledRanks) {
        double n = doubledRanks.length;
        double observed = observedDoubled / 2.0;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2 * n + 1) / 24.0 - tieCorrection(doubledRanks) / 48.0;
        return Normal.cdf((observed - mean + 0.5) / Math.sqrt(variance));
    }

    private static double tieCorrection(int[] doubledRanks) {
        int[] sorted = doubledRanks.clone();
        Arrays.sort(sorted);
        double correction = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            correction += t * t * t - t;
            i = j;
        }
        return correction;
    }

    static void requireFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("differences must be finite, got " + value);
            }
        }
    }

    /** Twice the mid-ranks of |d|, so tied ranks stay integers. */
    static int[] doubledRanks(double[] differences) {
        int n = differences.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(differences[a]), Math.abs(differences[b])));
        int[] ranks = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && Math.abs(differences[order[j]]) == Math.abs(differences[order[i]])) {
                j++;
            }
            for (int k = i; k < j; k++) {
                ranks[order[k]] = i + j + 1; // 2 * mean of ranks i+1..j
            }
            i = j;
        }
        return ranks;
    }

    private static boolean hasTies(int[] doubledRanks) {
        return Arrays.stream(doubledRanks).anyMatch(rank -> rank % 2 != 0)
                || Arrays.stream(doubledRanks).distinct().count() != doubledRanks.length;
    }
}
