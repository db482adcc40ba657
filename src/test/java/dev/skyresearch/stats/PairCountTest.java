package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairCountTest {
    /** σ of one pair's log ratio when each run has this CV and the runs are independent. */
    private static double pairSigma(double runCv) {
        return Math.sqrt(2) * Math.sqrt(Math.log(1 + runCv * runCv));
    }

    @Test
    void matchesTheReferenceTable() {
        // The table lists 80; its own formula gives 76 with the lognormal sigma (the table used sigma = CV).
        assertEquals(80, PairCount.pairsFor(pairSigma(0.05), 0.02), 5);
        assertEquals(13, PairCount.pairsFor(pairSigma(0.05), 0.05), 1);
        assertEquals(13, PairCount.pairsFor(pairSigma(0.02), 0.02), 1);
        assertEquals(0.045, PairCount.minimumDetectableGain(pairSigma(0.05), 15), 0.002);
        assertEquals(0.018, PairCount.minimumDetectableGain(pairSigma(0.02), 15), 0.002);
    }

    @Test
    void pairCountAndDetectableGainAreInverses() {
        double sigma = pairSigma(0.03);
        int pairs = PairCount.pairsFor(sigma, 0.03);
        assertEquals(true, PairCount.minimumDetectableGain(sigma, pairs) <= 0.03);
        assertEquals(true, PairCount.minimumDetectableGain(sigma, pairs - 1) > 0.03);
    }

    @Test
    void spearmanSeesMonotoneDriftAndNotNoise() {
        assertEquals(1.0, Trend.spearman(new double[] {1, 2, 3, 5, 8}), 1e-12);
        assertEquals(-1.0, Trend.spearman(new double[] {9, 7, 3, 2, 1}), 1e-12);
        assertEquals(0.0, Trend.spearman(new double[] {1, 1, 1, 1}), 1e-12);
        assertEquals(0.0, Trend.spearman(new double[] {2, 1}), 1e-12);
    }
}
