package dev.skyresearch.engine;

/** What one stage of the protocol concluded about a candidate. */
public enum Decision {
    /** Screening passed: worth a verification. */
    PROMISING,
    /** Verification passed: commit it. */
    KEEP,
    /** Not better, or not better by enough. */
    DISCARD,
    /** Verification inconclusive at the first look: run the pre-planned extension. */
    EXTEND
}
