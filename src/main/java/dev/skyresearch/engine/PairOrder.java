package dev.skyresearch.engine;

import java.util.SplittableRandom;

/**
 * The run order of a paired job: inside each pair a coin flip decides who goes first (randomised
 * interleaving, RMIT). Seeded by the experiment number, so a replay sees the same order.
 */
public final class PairOrder {
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private PairOrder() {
    }

    public static String of(ExperimentId id, int pairs) {
        SplittableRandom random = new SplittableRandom(id.number() * SEED_MIX);
        StringBuilder order = new StringBuilder(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            order.append(random.nextBoolean() ? "AB" : "BA");
        }
        return order.toString();
    }
}
