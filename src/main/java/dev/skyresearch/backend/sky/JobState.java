package dev.skyresearch.backend.sky;

/** A cluster job's status (skypilot-cli.md §3.1), plus NOT_FOUND for an id the cluster does not know. */
enum JobState {
    INIT, PENDING, SETTING_UP, RUNNING, SUCCEEDED, FAILED, FAILED_SETUP, FAILED_DRIVER, CANCELLED, NOT_FOUND;

    boolean terminal() {
        return switch (this) {
            case INIT, PENDING, SETTING_UP, RUNNING -> false;
            default -> true;
        };
    }

    /** The status word as `sky` prints it, or empty for anything else ("None", unknown future states). */
    static java.util.Optional<JobState> parse(String word) {
        try {
            return java.util.Optional.of(valueOf(word.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
