package dev.skyresearch.engine;

import dev.skyresearch.stats.PairCount;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Copies the engine's state into an immutable {@link EngineSnapshot}. Runs on the engine's thread. */
final class SnapshotBuilder {
    private SnapshotBuilder() {
    }

    static EngineSnapshot build(Engine engine) {
        Map<CandidateStatus, Integer> counts = new EnumMap<>(CandidateStatus.class);
        List<EngineSnapshot.CandidateView> candidates = new ArrayList<>();
        for (Map.Entry<CandidateId, CandidateState> entry : engine.candidates.entrySet()) {
            CandidateState state = entry.getValue();
            counts.merge(state.status, 1, Integer::sum);
            candidates.add(new EngineSnapshot.CandidateView(entry.getKey(), state.status, state.description,
                    state.source, state.wave, state.priority, state.lastVerdict, state.reason,
                    Optional.ofNullable(state.candidate).map(Candidate::commit)));
        }
        PairBudget budget = new PairBudget(engine);
        List<EngineSnapshot.MachineView> machines = engine.machines.values().stream()
                .map(slot -> new EngineSnapshot.MachineView(slot.id, slot.state, slot.fingerprint, slot.current,
                        slot.sinceMillis, slot.experimentsDone, slot.noise, detectableGain(engine, budget, slot)))
                .toList();
        List<EngineSnapshot.ExperimentView> running = engine.running.values().stream()
                .map(experiment -> new EngineSnapshot.ExperimentView(experiment.id(), experiment.kind(),
                        experiment.candidate(), experiment.machine(), experiment.pairs(),
                        engine.startedAt.getOrDefault(experiment.id(), engine.now)))
                .toList();
        return new EngineSnapshot(engine.best, engine.policy.direction(), engine.baseline, bestEstimate(engine),
                counts, engine.experimentsDone, machines, candidates, running, engine.hardware.medians(engine.best),
                engine.warnings, engine.halted,
                engine.configurationError, engine.paused, engine.stopping, idle(engine));
    }

    /** The smallest gain this machine's verification detects, at the pairs its noise and the budget give it. */
    private static Optional<Double> detectableGain(Engine engine, PairBudget budget, MachineSlot slot) {
        return slot.noise.filter(noise -> Double.isFinite(noise.pairSigma()))
                .map(noise -> PairCount.minimumDetectableGain(noise.pairSigma(),
                        budget.verifyPairs(slot, VerifySizing.pairs(engine.policy, noise))));
    }

    private static Optional<Double> bestEstimate(Engine engine) {
        return engine.baseline.map(value -> engine.policy.direction() == Direction.LOWER
                ? value * engine.keptRatio
                : value / engine.keptRatio);
    }

    /** Nothing in flight and nothing left that this run would start: `run --until-empty` may exit. */
    private static boolean idle(Engine engine) {
        if (!engine.running.isEmpty() || !engine.rebaseRequested.isEmpty()) {
            return false;
        }
        if (engine.commitPending()) {
            return false;
        }
        return engine.halted.isPresent() || engine.stopping || !engine.hasWork() || engine.limitReached();
    }
}
