package dev.skyresearch.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One measurement job as dispatched: which trees, on which machine, how many pairs, in which order.
 * {@code order} holds one letter per run, two per pair ("ABBA..."): A = best, B = candidate.
 * A baseline has no candidate, no pairs and an empty order.
 */
public record Experiment(
        ExperimentId id,
        ExperimentKind kind,
        Optional<CandidateId> candidate,
        MachineId machine,
        String bestCommit,
        Optional<String> candidateCommit,
        int pairs,
        String order,
        boolean runChecks,
        int verifyRound) {

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(bestCommit, "bestCommit");
        if (order.length() != 2 * pairs) {
            throw new IllegalArgumentException("order must hold two letters per pair: " + order);
        }
    }

    public boolean paired() {
        return kind != ExperimentKind.BASELINE;
    }
}
