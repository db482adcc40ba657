package dev.skyresearch.engine;

import java.util.Objects;

/** Names one machine: a local slot ({@code local-1}) or a SkyPilot cluster ({@code sr-03}). */
public record MachineId(String value) implements Comparable<MachineId> {
    public MachineId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(MachineId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
