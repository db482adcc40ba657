package dev.skyresearch.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable picture of the engine for the TUI, `status` and the --no-tui lines. Built on the runner
 * thread after each event; readers on other threads only ever see whole snapshots.
 */
public record EngineSnapshot(
        String bestCommit,
        Direction direction,
        Optional<Double> baseline,
        Optional<Double> bestEstimate,
        Map<CandidateStatus, Integer> counts,
        int experimentsDone,
        List<MachineView> machines,
        List<CandidateView> candidates,
        List<ExperimentView> running,
        Map<Fingerprint, Double> bestByHardware,
        List<String> warnings,
        Optional<String> halted,
        boolean configurationError,
        boolean paused,
        boolean stopping,
        boolean idle) {

    public EngineSnapshot {
        counts = Map.copyOf(counts);
        machines = List.copyOf(machines);
        candidates = List.copyOf(candidates);
        running = List.copyOf(running);
        bestByHardware = Map.copyOf(bestByHardware);
        warnings = List.copyOf(warnings);
    }

    /** One machine: its state, hardware and what it is doing. */
    public record MachineView(MachineId id, MachineState state, Fingerprint fingerprint,
                              Optional<ExperimentId> current, long sinceMillis, int experimentsDone,
                              Optional<NoiseRecord> noise, Optional<Double> detectableGain) {}

    /** One candidate: where it is and the last thing measured about it. */
    public record CandidateView(CandidateId id, CandidateStatus status, String description, String source,
                                String wave, int priority, Optional<Verdict> lastVerdict, String reason,
                                Optional<String> commit) {}

    /** One job in flight. */
    public record ExperimentView(ExperimentId id, ExperimentKind kind, Optional<CandidateId> candidate,
                                 MachineId machine, int pairs, long startedAtMillis) {}

    public int count(CandidateStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** The estimated gain of best over baseline, positive when better. */
    public Optional<Double> gain() {
        if (baseline.isEmpty() || bestEstimate.isEmpty()) {
            return Optional.empty();
        }
        double ratio = direction.costRatio(baseline.get(), bestEstimate.get());
        return Optional.of(1.0 - ratio);
    }
}
