package dev.skyresearch.backend;

/**
 * What the fleet has cost: {@code spendUsd} since the run began (provisioned time times each machine's hourly
 * price), and the mean cost of one finished experiment. {@code pricesKnown} is false when some machine has no
 * price, so the numbers are a lower bound.
 */
public record CostReport(double spendUsd, double perExperimentUsd, int experiments, boolean pricesKnown) {

    /** The cost of each kept improvement, or NaN before the first keep. */
    public double perKeepUsd(int keeps) {
        return keeps == 0 ? Double.NaN : spendUsd / keeps;
    }
}
