package dev.skyresearch.engine;

/** Where a candidate is in its lifecycle; the last six are terminal. */
public enum CandidateStatus {
    QUEUED("queued"),
    SCREENING("screening"),
    PROMISING("promising"),
    VERIFYING("verifying"),
    KEPT("kept"),
    DISCARDED("discarded"),
    CRASHED("crashed"),
    CHECKS_FAILED("checks_failed"),
    REJECTED("rejected");

    private final String label;

    CandidateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return ordinal() >= KEPT.ordinal();
    }

    public static CandidateStatus fromLabel(String label) {
        for (CandidateStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown candidate status: " + label);
    }
}
