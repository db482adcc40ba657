package dev.skyresearch.engine;

/** Whether a smaller or a larger metric is better. */
public enum Direction {
    LOWER,
    HIGHER;

    /**
     * The candidate's cost relative to the best for one pair: below 1 means the candidate is better,
     * whichever way the metric points.
     */
    public double costRatio(double best, double candidate) {
        return this == LOWER ? candidate / best : best / candidate;
    }
}
