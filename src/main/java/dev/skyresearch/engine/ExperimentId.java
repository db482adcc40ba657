package dev.skyresearch.engine;

/** Names one measurement job, {@code exp-0042}; numbers grow by one per dispatch in a run's history. */
public record ExperimentId(int number) implements Comparable<ExperimentId> {
    public static ExperimentId parse(String text) {
        if (!text.startsWith("exp-")) {
            throw new IllegalArgumentException("not an experiment id: " + text);
        }
        return new ExperimentId(Integer.parseInt(text.substring(4)));
    }

    @Override
    public int compareTo(ExperimentId other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("exp-%04d", number);
    }
}
