package dev.skyresearch.engine;

import java.util.List;
import java.util.Objects;

/**
 * What one measurement job produced, parsed from its runner output.
 * Paired jobs fill {@code pairs}; a baseline fills {@code samples}. {@code error} is one line or empty;
 * {@code logTail} holds the last lines of the log for the record of a crash.
 */
public record ExperimentOutcome(
        OutcomeStatus status,
        List<PairSample> pairs,
        List<Double> samples,
        Fingerprint host,
        String error,
        List<String> logTail,
        long startedAtMillis,
        long endedAtMillis) {

    public ExperimentOutcome {
        Objects.requireNonNull(status, "status");
        pairs = List.copyOf(pairs);
        samples = List.copyOf(samples);
        host = host == null ? Fingerprint.UNKNOWN : host;
        error = error == null ? "" : error;
        logTail = List.copyOf(logTail);
    }

    public static ExperimentOutcome lost(String reason, long atMillis) {
        return new ExperimentOutcome(OutcomeStatus.LOST, List.of(), List.of(), Fingerprint.UNKNOWN, reason,
                List.of(), atMillis, atMillis);
    }
}
