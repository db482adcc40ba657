package dev.skyresearch.engine;

import java.util.Optional;

/** The engine's mutable record of one machine. Owned by {@link Engine}. */
final class MachineSlot {
    final MachineId id;
    MachineState state = MachineState.READY;
    Fingerprint fingerprint = Fingerprint.UNKNOWN;
    Optional<ExperimentId> current = Optional.empty();
    long sinceMillis;
    int experimentsDone;
    Optional<NoiseRecord> noise = Optional.empty();
    boolean needsCalibration;
    int sinceCalibration;

    MachineSlot(MachineId id, long sinceMillis) {
        this.id = id;
        this.sinceMillis = sinceMillis;
    }
}
