package dev.skyresearch.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses what each free machine does next: the baseline first, then verifications (closest to a keep),
 * then screens; higher priority first, then oldest. Part of {@link Engine}'s state machine; same thread rule.
 */
final class Scheduler {
    private static final Comparator<CandidateState> ORDER = Comparator
            .comparingInt((CandidateState state) -> -state.priority)
            .thenComparingLong(state -> state.submittedAtMillis)
            .thenComparing(state -> state.candidate.id());
    private final Engine engine;
    private final PairBudget budget;

    Scheduler(Engine engine) {
        this.engine = engine;
        this.budget = new PairBudget(engine);
    }

    void schedule(List<Action> actions) {
        if (engine.halted.isPresent()) {
            return;
        }
        requestRebases(actions);
        // A pending commit is about to move the best (the runner commits at once): wait rather than measure
        // against a best that is already out of date.
        if (engine.paused || engine.stopping || engine.commitPending()) {
            return;
        }
        for (MachineSlot slot : engine.machines.values()) {
            if (slot.state != MachineState.READY || slot.current.isPresent()) {
                continue;
            }
            if (engine.limitReached()) {
                engine.stop("stop.max_experiments reached", actions);
                return;
            }
            if (engine.baseline.isEmpty()) {
                if (!engine.baselineInFlight) {
                    engine.baselineInFlight = true;
                    dispatch(slot, ExperimentKind.BASELINE, null, 0, true, 1, actions);
                }
                return;
            }
            if (slot.needsCalibration && engine.candidates.values().stream().anyMatch(CandidateState::waiting)) {
                int pairs = budget.calibrationPairs(slot);
                dispatch(slot, ExperimentKind.CALIBRATE, null, pairs, false, 1, actions);
                slot.state = MachineState.CALIBRATING;
                continue;
            }
            Optional<CandidateState> verification = canVerify(slot) ? next(CandidateStatus.PROMISING) : Optional.empty();
            Optional<CandidateState> next = verification.or(() -> next(CandidateStatus.QUEUED));
            if (next.isEmpty()) {
                continue;
            }
            start(slot, next.get(), actions);
        }
    }

    /** Verifications go to trusted machines whenever the fleet has one (busy or not). */
    private boolean canVerify(MachineSlot slot) {
        boolean fleetHasTrusted = engine.machines.values().stream()
                .anyMatch(machine -> machine.noise.map(NoiseRecord::band).orElse(null) == NoiseBand.TRUSTED
                        && machine.state != MachineState.QUARANTINED && machine.state != MachineState.STOPPED);
        return !fleetHasTrusted || slot.noise.map(NoiseRecord::band).orElse(null) == NoiseBand.TRUSTED;
    }

    private int verifyPairs(MachineSlot slot) {
        return slot.noise.map(noise -> VerifySizing.pairs(engine.policy, noise)).orElse(engine.policy.verifyPairs());
    }

    private void start(MachineSlot slot, CandidateState state, List<Action> actions) {
        if (state.status == CandidateStatus.PROMISING) {
            state.status = CandidateStatus.VERIFYING;
            dispatch(slot, ExperimentKind.VERIFY, state, budget.verifyPairs(slot, verifyPairs(slot)), false,
                    state.verifyRound, actions);
        } else {
            state.status = CandidateStatus.SCREENING;
            dispatch(slot, ExperimentKind.SCREEN, state, budget.screenPairs(slot), true, 1, actions);
        }
    }

    private void dispatch(MachineSlot slot, ExperimentKind kind, CandidateState state, int pairs, boolean checks,
                          int round, List<Action> actions) {
        ExperimentId id = new ExperimentId(engine.nextExperiment++);
        Optional<Candidate> candidate = Optional.ofNullable(state).map(s -> s.candidate);
        // A calibration measures the best against itself: both trees are the best commit.
        Optional<String> treeB = kind == ExperimentKind.CALIBRATE ? Optional.of(engine.best)
                : candidate.map(Candidate::commit);
        Experiment experiment = new Experiment(id, kind, candidate.map(Candidate::id), slot.id, engine.best,
                treeB, pairs, PairOrder.of(id, pairs), checks, round);
        engine.running.put(id, experiment);
        engine.startedAt.put(id, engine.now);
        slot.state = MachineState.BUSY;
        slot.current = Optional.of(id);
        slot.sinceMillis = engine.now;
        actions.add(new Action.Dispatch(experiment));
        String subject = candidate.map(c -> c.id() + " \"" + c.description() + "\"")
                .orElse((kind == ExperimentKind.CALIBRATE ? "A/A of best " : "best ") + Engine.shortSha(engine.best));
        actions.add(Engine.notice("dispatched", "%s %s %s on %s%s".formatted(id, kind.label(), subject, slot.id,
                pairs > 0 ? " (" + pairs + " pairs)" : ""), Map.of("experiment", id.toString(),
                "machine", slot.id.value(), "kind", kind.label())));
    }

    private Optional<CandidateState> next(CandidateStatus status) {
        return engine.candidates.values().stream()
                .filter(state -> state.status == status && state.pendingKeep.isEmpty() && onBest(state))
                .min(ORDER);
    }

    private void requestRebases(List<Action> actions) {
        for (CandidateState state : engine.candidates.values()) {
            if (state.waiting() && !onBest(state) && engine.rebaseRequested.add(state.candidate.id())) {
                actions.add(new Action.Rebase(state.candidate, engine.best));
            }
        }
    }

    private boolean onBest(CandidateState state) {
        return state.candidate != null && state.candidate.base().equals(engine.best);
    }
}
