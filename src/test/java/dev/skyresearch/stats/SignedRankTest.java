package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SignedRankTest {

    @Test
    void allNegativeDifferencesGiveTheSmallestPossiblePValue() {
        assertEquals(1.0 / 32, SignedRank.pLess(new double[] {-1, -2, -3, -4, -5}), 1e-12);
        assertEquals(1.0 / 64, SignedRank.pLess(new double[] {-6, -1, -2, -3, -4, -5}), 1e-12);
    }

    @Test
    void allPositiveDifferencesGivePOne() {
        assertEquals(1.0, SignedRank.pLess(new double[] {1, 2, 3, 4, 5}), 1e-12);
    }

    @Test
    void zerosAreDroppedAndNoDataMeansNoEvidence() {
        assertEquals(SignedRank.pLess(new double[] {-1, -2, -3}), SignedRank.pLess(new double[] {0, -1, 0, -2, -3}));
        assertEquals(1.0, SignedRank.pLess(new double[] {0, 0}));
    }

    static Stream<Arguments> randomSamples() {
        SplittableRandom random = new SplittableRandom(42);
        return Stream.generate(() -> {
            int n = 1 + random.nextInt(12);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                // Coarse values force ties and zeros into many samples.
                d[i] = random.nextInt(9) - 5;
            }
            return Arguments.of((Object) d);
        }).limit(200);
    }

    @ParameterizedTest
    @MethodSource("randomSamples")
    void exactPValueMatchesBruteForceOverAllSignFlips(double[] differences) {
        assertEquals(bruteForceP(differences), SignedRank.pLess(differences), 1e-12, Arrays.toString(differences));
    }

    @Test
    void theNormalApproximationAgreesWithTheExactTestAtTheSwitchOver() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] d = new double[SignedRank.EXACT_LIMIT];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextGaussian() - 0.2;
            }
            assertEquals(SignedRank.pLess(d), SignedRank.pLessApproximate(d), 0.003);
        }
    }

    @Test
    void hodgesLehmannIntervalHasTheExactTextbookBounds() {
        // n = 10: P(W+ <= 8) = 0.0244 <= 0.025 < P(W+ <= 9), so 9 Walsh averages are trimmed from each end.
        assertEquals(9, SignedRank.criticalCount(10, 0.025));
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Interval interval = SignedRank.hodgesLehmann(d, 0.95);
        assertEquals(5.5, interval.estimate(), 1e-12);
        assertEquals(3.0, interval.low(), 1e-12);
        assertEquals(8.0, interval.high(), 1e-12);
    }

    @Test
    void fewerDifferencesThanAnIntervalNeedsGiveNoBoundsRatherThanFalseOnes() {
        Interval five = SignedRank.hodgesLehmann(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertEquals(3.0, five.estimate());
        assertTrue(Double.isNaN(five.low()) && Double.isNaN(five.high()));
        assertFalse(Double.isNaN(SignedRank.hodgesLehmann(new double[] {1, 2, 3, 4, 5, 6}, 0.95).low()));
    }

    @Test
    void hugeSamplesDoNotOverflowAndNonFiniteInputIsRefused() {
        double[] many = new double[5000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % 3 == 0 ? 1 : -1;
        }
        double p = SignedRank.pLess(many);
        assertTrue(p >= 0 && p <= 1, "p " + p);
        assertThrows(IllegalArgumentException.class, () -> SignedRank.pLess(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Trend.spearman(new double[] {1, 2, Double.NaN}));
    }

    @Test
    void hodgesLehmannIntervalCoversTheTrueShiftAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(3);
        int covered = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] d = new double[15];
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.2 + random.nextGaussian();
            }
            if (SignedRank.hodgesLehmann(d, 0.95).contains(0.2)) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage > 0.93 && coverage < 0.98, "coverage " + coverage);
    }

    /** P(W+ <= observed) by enumerating every assignment of signs to the ranks of the non-zero |d|. */
    private static double bruteForceP(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(v -> v != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1.0;
        }
        int[] ranks = SignedRank.doubledRanks(nonZero);
        int observed = 0;
        for (int i = 0; i < n; i++) {
            observed += nonZero[i] > 0 ? ranks[i] : 0;
        }
        int atMost = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (mask >> i & 1) == 1 ? ranks[i] : 0;
            }
            atMost += sum <= observed ? 1 : 0;
        }
        return atMost / (double) (1 << n);
    }
}
