package dev.skyresearch.engine;

/** How far a machine's measurements can be trusted, from its A/A calibration (design.md, decision protocol 1). */
public enum NoiseBand {
    /** CV at or below noise.trusted_cv: verifications go here first. */
    TRUSTED("trusted"),
    /** Noisier, up to noise.max_cv: screens, and verifications with more pairs when no trusted machine exists. */
    USABLE("usable"),
    /** Too noisy, biased (significant A/A difference) or drifting: no work at all. */
    QUARANTINED("quarantined");

    private final String label;

    NoiseBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
