package dev.skyresearch.engine;

import dev.skyresearch.engine.EngineEvent.CandidateRebased;
import dev.skyresearch.engine.EngineEvent.CandidateRejected;
import dev.skyresearch.engine.EngineEvent.CandidateSubmitted;
import dev.skyresearch.engine.EngineEvent.DispatchPaused;
import dev.skyresearch.engine.EngineEvent.ExperimentFinished;
import dev.skyresearch.engine.EngineEvent.MachineLost;
import dev.skyresearch.engine.EngineEvent.MachineReady;
import dev.skyresearch.engine.EngineEvent.RebaseFailed;
import dev.skyresearch.engine.EngineEvent.StopRequested;
import dev.skyresearch.engine.EngineEvent.Tick;
import dev.skyresearch.engine.EngineEvent.WinnerCommitted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The autoresearch loop as a pure state machine: {@link #on} takes one event and returns the actions it
 * calls for. Never blocks, never does I/O, never reads the wall clock (time arrives in events).
 * Not thread-safe: exactly one thread (the runner) owns an Engine.
 */
public final class Engine {
    final Policy policy;
    final DecisionProtocol protocol;
    String best;
    Optional<Double> baseline = Optional.empty();
    double keptRatio = 1.0;
    boolean baselineInFlight;
    /** The baseline job's duration: an upper bound on one benchmark run until a calibration measures it. */
    long baselineMillis;
    final Map<CandidateId, CandidateState> candidates = new LinkedHashMap<>();
    final Map<MachineId, MachineSlot> machines = new TreeMap<>();
    final Map<ExperimentId, Experiment> running = new TreeMap<>();
    final Map<ExperimentId, Long> startedAt = new TreeMap<>();
    /** Pairs streamed from running screens, until they finish; a screen stopped early is listed once. */
    final Map<ExperimentId, List<PairSample>> streamed = new TreeMap<>();
    final Set<ExperimentId> stoppedEarly = new HashSet<>();
    final Set<CandidateId> rebaseRequested = new HashSet<>();
    final HardwareRecords hardware = new HardwareRecords();
    /** Noise and hardware warnings, newest last, at most {@link #WARNINGS_KEPT}. */
    final List<String> warnings = new ArrayList<>();
    static final int WARNINGS_KEPT = 20;
    int nextExperiment = 1;
    int nextRun = 1;
    int experimentsDone;
    boolean paused;
    boolean stopping;
    Optional<String> halted = Optional.empty();
    boolean configurationError;
    final long startedAtMillis;
    long now;
    private final Outcomes outcomes = new Outcomes(this);
    private final Scheduler scheduler = new Scheduler(this);

    public Engine(Policy policy, String bestCommit, long startedAtMillis) {
        this.policy = policy;
        this.protocol = new DecisionProtocol(policy);
        this.best = bestCommit;
        this.startedAtMillis = startedAtMillis;
        this.now = startedAtMillis;
    }

    /** Folds one event into the state and returns what should happen next, in order. */
    public List<Action> on(EngineEvent event) {
        List<Action> actions = new ArrayList<>();
        if (event instanceof MachineReady e) {
            machineReady(e);
        } else if (event instanceof EngineEvent.MachineProvisioning e) {
            machineProvisioning(e);
        } else if (event instanceof EngineEvent.FleetFailed e) {
            now = Math.max(now, e.atMillis());
            halt(e.reason(), false, actions);
        } else if (event instanceof MachineLost e) {
            machineLost(e, actions);
        } else if (event instanceof CandidateSubmitted e) {
            candidateSubmitted(e);
        } else if (event instanceof CandidateRejected e) {
            candidateRejected(e, actions);
        } else if (event instanceof ExperimentFinished e) {
            outcomes.finished(e.experiment(), e.outcome(), actions);
        } else if (event instanceof EngineEvent.PairMeasured e) {
            pairMeasured(e, actions);
        } else if (event instanceof WinnerCommitted e) {
            outcomes.committed(e, actions);
        } else if (event instanceof CandidateRebased e) {
            candidateRebased(e);
        } else if (event instanceof RebaseFailed e) {
            rebaseFailed(e, actions);
        } else if (event instanceof Tick e) {
            tick(e.nowMillis(), actions);
        } else if (event instanceof DispatchPaused e) {
            paused = e.paused();
        } else if (event instanceof StopRequested e) {
            stop(e.reason(), actions);
        }
        scheduler.schedule(actions);
        return actions;
    }

    /**
     * Actions that a restarted run owes after replaying its journal: rebases of candidates left on an old
     * best, and commits of winners whose commit was never confirmed. Replay discards actions; this re-issues them.
     */
    public List<Action> resume() {
        List<Action> actions = new ArrayList<>();
        rebaseRequested.clear();
        for (CandidateState state : candidates.values()) {
            state.pendingKeep.ifPresent(run -> actions.add(new Action.CommitWinner(state.candidate, run)));
        }
        scheduler.schedule(actions);
        return actions;
    }

    public EngineSnapshot snapshot() {
        return SnapshotBuilder.build(this);
    }

    public String best() {
        return best;
    }

    private void machineReady(MachineReady event) {
        now = Math.max(now, event.atMillis());
        boolean fresh = !machines.containsKey(event.machine())
                || machines.get(event.machine()).state == MachineState.PROVISIONING;
        MachineSlot slot = machines.computeIfAbsent(event.machine(), id -> new MachineSlot(id, event.atMillis()));
        if (fresh && policy.noise().enabled()) {
            slot.needsCalibration = true;
        }
        if (slot.current.isEmpty()) {
            slot.state = MachineState.READY;
            slot.sinceMillis = event.atMillis();
        }
    }

    private void machineProvisioning(EngineEvent.MachineProvisioning event) {
        now = Math.max(now, event.atMillis());
        MachineSlot slot = machines.computeIfAbsent(event.machine(), id -> new MachineSlot(id, event.atMillis()));
        if (slot.current.isEmpty()) {
            slot.state = MachineState.PROVISIONING;
            slot.sinceMillis = event.atMillis();
        }
    }

    private void machineLost(MachineLost event, List<Action> actions) {
        now = Math.max(now, event.atMillis());
        MachineSlot slot = machines.get(event.machine());
        if (slot == null) {
            return;
        }
        slot.state = MachineState.STOPPED;
        slot.current.map(running::get).ifPresent(experiment -> outcomes.finished(experiment,
                ExperimentOutcome.lost(event.reason(), event.atMillis()), actions));
        slot.current = Optional.empty();
        actions.add(notice("machine_lost", slot.id + " lost: " + event.reason(), Map.of("machine", slot.id.value())));
    }

    /** A screen that is clearly worse than the best stops early: its remaining pairs would change nothing. */
    private void pairMeasured(EngineEvent.PairMeasured event, List<Action> actions) {
        Experiment experiment = running.get(event.experiment());
        if (experiment == null || experiment.kind() != ExperimentKind.SCREEN || stoppedEarly.contains(experiment.id())) {
            return;
        }
        List<PairSample> pairs = streamed.computeIfAbsent(experiment.id(), id -> new ArrayList<>());
        pairs.add(event.pair());
        double pairSigma = Optional.ofNullable(machines.get(experiment.machine())).flatMap(slot -> slot.noise)
                .map(NoiseRecord::pairSigma).filter(Double::isFinite)
                .orElse(policy.noise().trustedPairSigma());
        if (EarlyStop.clearlyWorse(pairs, policy.direction(), pairSigma)) {
            stoppedEarly.add(experiment.id());
            actions.add(new Action.StopEarly(experiment.id(), "clearly worse than the best after " + pairs.size()
                    + " pairs"));
        }
    }

    private void candidateSubmitted(CandidateSubmitted event) {
        Candidate candidate = event.candidate();
        if (!candidates.containsKey(candidate.id())) {
            candidates.put(candidate.id(), new CandidateState(candidate));
        }
    }

    private void candidateRejected(CandidateRejected event, List<Action> actions) {
        CandidateState known = candidates.get(event.id());
        if (known != null && known.status == CandidateStatus.REJECTED) {
            return;
        }
        CandidateState state = candidates.computeIfAbsent(event.id(), id -> new CandidateState(id,
                event.description(), event.source(), event.wave(), event.atMillis()));
        reject(state, event.id(), event.reason(), event.atMillis(), actions);
    }

    private void candidateRebased(CandidateRebased event) {
        CandidateState state = candidates.get(event.candidate());
        rebaseRequested.remove(event.candidate());
        if (state != null && state.candidate != null) {
            state.candidate = state.candidate.rebased(event.commit(), event.base());
        }
    }

    private void rebaseFailed(RebaseFailed event, List<Action> actions) {
        rebaseRequested.remove(event.candidate());
        CandidateState state = candidates.get(event.candidate());
        if (state != null && !state.status.terminal()) {
            String reason = "no longer applies on best " + shortSha(best) + ": conflicts in "
                    + String.join(", ", event.conflicts());
            reject(state, event.candidate(), reason, event.atMillis(), actions);
        }
    }

    void reject(CandidateState state, CandidateId id, String reason, long atMillis, List<Action> actions) {
        state.status = CandidateStatus.REJECTED;
        state.reason = reason;
        actions.add(new Action.Record(new JournalEntry.Rejection(nextRun++, id, state.description, state.source,
                state.wave, reason, atMillis)));
        actions.add(notice("rejected", id + " rejected: " + reason, Map.of("candidate", id.value())));
    }

    private void tick(long nowMillis, List<Action> actions) {
        now = Math.max(now, nowMillis);
        if (policy.maxRunMillis() > 0 && now - startedAtMillis >= policy.maxRunMillis() && !stopping) {
            stop("time budget of stop.max_hours reached", actions);
        }
    }

    void stop(String reason, List<Action> actions) {
        if (!stopping) {
            stopping = true;
            actions.add(notice("stopping", "stopping: " + reason, Map.of("reason", reason)));
        }
    }

    void halt(String reason, boolean fromConfiguration, List<Action> actions) {
        if (halted.isEmpty()) {
            halted = Optional.of(reason);
            configurationError = fromConfiguration;
            stopping = true;
            actions.add(new Action.Halt(reason, fromConfiguration));
        }
    }

    boolean commitPending() {
        return candidates.values().stream().anyMatch(state -> state.pendingKeep.isPresent());
    }

    boolean limitReached() {
        return policy.maxExperiments() > 0 && nextExperiment - 1 >= policy.maxExperiments();
    }

    /** Whether anything is left that this run would start: the baseline, or a waiting candidate. */
    boolean hasWork() {
        return baseline.isEmpty() || candidates.values().stream().anyMatch(CandidateState::waiting);
    }

    void warn(String text) {
        warnings.add(text);
        if (warnings.size() > WARNINGS_KEPT) {
            warnings.remove(0);
        }
    }

    static Action notice(String kind, String text, Map<String, String> fields) {
        return new Action.Notify(new Notice(kind, text, fields));
    }

    /** The first seven hex digits of a commit id, as git shows them. */
    public static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
