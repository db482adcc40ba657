package dev.skyresearch.engine;

/** What a measurement job is for; decides how the engine reads its outcome. */
public enum ExperimentKind {
    /** One build, benchmark and checks of the best commit: proves the scripts work, gives the baseline. */
    BASELINE("baseline"),
    /** The best against itself, interleaved, on one machine: that machine's noise (A/A). */
    CALIBRATE("calibrate"),
    /** Interleaved pairs of (best, candidate) plus the candidate's checks: cheap, lenient. */
    SCREEN("screen"),
    /** Fresh interleaved pairs of (best, candidate): the decisive test. */
    VERIFY("verify");

    private final String label;

    ExperimentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ExperimentKind fromLabel(String label) {
        for (ExperimentKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown experiment kind: " + label);
    }
}
