package dev.skyresearch.engine;

/**
 * One interleaved pair: the best's and the candidate's summary value (median of that invocation's
 * METRIC samples), and which side ran first.
 */
public record PairSample(int round, double best, double candidate, boolean bestFirst) {
    public PairSample {
        if (!(best > 0) || !(candidate > 0) || Double.isInfinite(best) || Double.isInfinite(candidate)) {
            throw new IllegalArgumentException("pair values must be positive and finite: " + best + ", " + candidate);
        }
    }
}
