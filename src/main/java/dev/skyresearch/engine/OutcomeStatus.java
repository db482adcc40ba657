package dev.skyresearch.engine;

/** How a measurement job ended, as the runner's EXPERIMENT_STATUS line (or its absence) tells. */
public enum OutcomeStatus {
    DONE("done"),
    CRASH("crash"),
    CHECKS_FAILED("checks_failed"),
    /** The machine went away or the job was cancelled: nothing was measured, nothing is decided. */
    LOST("lost");

    private final String label;

    OutcomeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static OutcomeStatus fromLabel(String label) {
        for (OutcomeStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown outcome status: " + label);
    }
}
