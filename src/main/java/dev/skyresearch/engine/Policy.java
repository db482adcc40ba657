package dev.skyresearch.engine;

import dev.skyresearch.stats.Pocock;
import java.util.Objects;

/**
 * The numbers of the decision protocol (design.md, "Decision protocol") and the stop rules.
 * Immutable; built from skyresearch.yaml by the config package.
 *
 * @param extensionAlpha the corrected α for both looks of a verification with its one extension
 *                       (Pocock's one-sided boundary for two equal looks: 0.0304 keeps the overall α at 0.05)
 * @param futilityP      a first look with p above this discards without extending
 * @param maxExperiments 0 means unlimited
 * @param maxRunMillis   0 means unlimited
 * @param candidateBudgetMillis what screening plus a first verification look may cost one candidate in benchmark
 *                       time (0: no cap); pair counts shrink to fit once a machine's run time is known
 * @param replacesMachines the backend replaces a retired machine with a fresh one (sky), so a fleet that is all
 *                         quarantined for a moment is not the end of the run
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
        long maxRunMillis,
        NoisePolicy noise,
        long candidateBudgetMillis,
        boolean replacesMachines) {

    public Policy {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(noise, "noise");
        if (screenPairs < 1 || verifyPairs < 2) {
            throw new IllegalArgumentException("screenPairs >= 1 and verifyPairs >= 2 required");
        }
    }

    /** The futility bound of design.md step 3: a first look with p above it is discarded, not extended. */
    public static final double FUTILITY_P = 0.5;

    /** The design's defaults, with calibration off (the engine's tests opt in where they need it). */
    public static Policy defaults(Direction direction) {
        return of(direction, 5, 15, 0.05, 0.01, 0, 0, NoisePolicy.OFF, 0);
    }

    /** A policy whose two verification looks each test at Pocock's boundary for the overall {@code alpha}. */
    public static Policy of(Direction direction, int screenPairs, int verifyPairs, double alpha, double minEffect,
                            int maxExperiments, long maxRunMillis, NoisePolicy noise, long candidateBudgetMillis) {
        return new Policy(direction, screenPairs, verifyPairs, alpha, Pocock.perLookAlpha(alpha), FUTILITY_P,
                minEffect, maxExperiments, maxRunMillis, noise, candidateBudgetMillis, false);
    }

    public Policy withReplacements(boolean replaces) {
        return new Policy(direction, screenPairs, verifyPairs, alpha, extensionAlpha, futilityP, minEffect,
                maxExperiments, maxRunMillis, noise, candidateBudgetMillis, replaces);
    }
}
