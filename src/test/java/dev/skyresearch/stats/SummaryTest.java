package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void medianOfOddAndEvenSamples() {
        assertEquals(3, Summary.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Summary.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void summariesDoNotReorderTheirInput() {
        double[] values = {3, 1, 2};
        Summary.median(values);
        Summary.mad(values);
        assertArrayEquals(new double[] {3, 1, 2}, values);
    }

    @Test
    void robustCvIgnoresASingleWildOutlier() {
        double[] quiet = {100, 101, 99, 100, 102, 98, 100};
        double[] withOutlier = {100, 101, 99, 100, 102, 98, 400};
        assertEquals(Summary.robustCv(quiet), Summary.robustCv(withOutlier), 0.002);
        assertEquals(0.0148, Summary.robustCv(quiet), 0.001);
    }

    @Test
    void quantileInterpolatesLinearly() {
        assertEquals(1.75, Summary.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-12);
    }

    @Test
    void classicSpread() {
        assertEquals(2.138, Summary.standardDeviation(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), 0.001);
        assertEquals(0, Summary.standardDeviation(new double[] {5}));
    }

    @Test
    void emptySamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Summary.median(new double[0]));
    }
}
