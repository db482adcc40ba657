package dev.skyresearch.engine;

import java.util.List;
import java.util.Objects;

/**
 * One proposed change: a commit object whose parent is the base it was written against.
 * Immutable; a rebase produces a new Candidate with a new commit and base.
 */
public record Candidate(
        CandidateId id,
        String commit,
        String base,
        String description,
        String source,
        int priority,
        String wave,
        String diffHash,
        List<String> paths,
        long submittedAtMillis) {

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(base, "base");
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        wave = wave == null ? "" : wave;
        paths = List.copyOf(paths);
    }

    public Candidate rebased(String newCommit, String newBase) {
        return new Candidate(id, newCommit, newBase, description, source, priority, wave, diffHash, paths,
                submittedAtMillis);
    }
}
