package dev.skyresearch.engine;

import java.util.Objects;

/**
 * The numbers of the decision protocol (design.md, "Decision protocol") and the stop rules.
 * Immutable; built from skyresearch.yaml by the config package.
 *
 * @param extensionAlpha the corrected α for both looks of a verification with its one extension
 *                       (Pocock boundary for two equally spaced looks: 0.0294 keeps the overall α near 0.05)
 * @param futilityP      a first look with p above this discards without extending
 * @param maxExperiments 0 means unlimited
 * @param maxRunMillis   0 means unlimited
 */
public record Policy(
        Direction direction,
        int screenPairs,
        int verifyPairs,
        double alpha,
        double extensionAlpha,
        double futilityP,
        double minEffect,
        int maxExperiments,
        long maxRunMillis) {

    public Policy {
        Objects.requireNonNull(direction, "direction");
        if (screenPairs < 1 || verifyPairs < 2) {
            throw new IllegalArgumentException("screenPairs >= 1 and verifyPairs >= 2 required");
        }
    }

    public static Policy defaults(Direction direction) {
        return new Policy(direction, 5, 15, 0.05, 0.0294, 0.5, 0.01, 0, 0);
    }
}
