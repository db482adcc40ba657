package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairCountTest {
    /** σ of one pair's log ratio when each run has this CV and the runs are independent. */
    private static double pairSigma(double runCv) {
        return Math.sqrt(2) * Math.sqrt(Math.log(1 + runCv * runCv));
    }

    @ParameterizedTest
    @CsvSource({"0.01, 4, 1", "0.02, 13, 2", "0.03, 29, 5", "0.05, 80, 13", "0.10, 316, 49"})
    void reproducesTheReferenceTablesPairCounts(double cv, int forTwoPercent, int forFivePercent) {
        assertEquals(forTwoPercent, PairCount.pairsFor(pairSigma(cv), 0.02));
        assertEquals(Math.max(2, forFivePercent), PairCount.pairsFor(pairSigma(cv), 0.05));
    }

    @ParameterizedTest
    @CsvSource({"0.01, 10, 0.011", "0.02, 15, 0.018", "0.03, 20, 0.024", "0.05, 30, 0.032", "0.10, 50, 0.049"})
    void reproducesTheReferenceTablesDetectableGains(double cv, int pairs, double gain) {
        assertEquals(gain, PairCount.minimumDetectableGain(pairSigma(cv), pairs), 0.0006);
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
