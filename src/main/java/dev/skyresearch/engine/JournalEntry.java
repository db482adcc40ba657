package dev.skyresearch.engine;

import java.util.Optional;

/**
 * One line of autoresearch.jsonl as the engine asks for it; the journal package gives it its JSON form.
 * Appending it is the commit point of the decision it carries (a keep's commit point is its git commit,
 * which carries the same record in its trailer).
 */
public sealed interface JournalEntry {
    /** A finished measurement and what it decided; {@code status} is the candidate's status after it. */
    record Run(int run, Experiment experiment, ExperimentOutcome outcome, String status, Optional<Verdict> verdict,
               String description, String source, String commit, Optional<Double> metric, long timestampMillis)
            implements JournalEntry {}

    /** A candidate refused at intake or after a failed rebase; it never ran. */
    record Rejection(int run, CandidateId candidate, String description, String source, String wave, String reason,
                     long timestampMillis) implements JournalEntry {}
}
