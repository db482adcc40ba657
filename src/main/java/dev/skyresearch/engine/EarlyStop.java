package dev.skyresearch.engine;

import dev.skyresearch.stats.Summary;
import java.util.List;

/**
 * When a screen may stop before its last pair: at least three pairs, every one worse than the best, and the
 * median worse by more than three times the machine's pair noise. A no-op meets the first part one time in eight
 * and the second almost never, so stopping costs no real gains; a clear slowdown stops after three pairs.
 */
final class EarlyStop {
    static final int MIN_PAIRS = 3;
    private static final double NOISE_MULTIPLE = 3;

    private EarlyStop() {
    }

    static boolean clearlyWorse(List<PairSample> pairs, Direction direction, double pairSigma) {
        if (pairs.size() < MIN_PAIRS) {
            return false;
        }
        double[] logs = pairs.stream().mapToDouble(pair -> Math.log(direction.costRatio(pair.best(), pair.candidate())))
                .toArray();
        for (double log : logs) {
            if (log <= 0) {
                return false;
            }
        }
        return Summary.median(logs) > NOISE_MULTIPLE * pairSigma;
    }
}
