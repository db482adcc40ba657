package dev.skyresearch.engine;

import java.util.Objects;

/** Names one candidate: {@code c-} plus the first hex digits of its normalised diff hash. */
public record CandidateId(String value) implements Comparable<CandidateId> {
    public CandidateId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(CandidateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
