package dev.skyresearch.engine;

import dev.skyresearch.engine.EngineEvent.WinnerCommitted;
import dev.skyresearch.stats.PairCount;
import dev.skyresearch.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the engine reads a finished job for the candidates: the baseline, a screen, a verification look, and the
 * commit that follows a keep (the machine's side is {@link MachineOutcomes}). Part of {@link Engine}'s state machine; same thread rule.
 */
final class Outcomes {
    private final Engine engine;
    private final MachineOutcomes machines;

    Outcomes(Engine engine) {
        this.engine = engine;
        this.machines = new MachineOutcomes(engine);
    }

    void finished(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        engine.now = Math.max(engine.now, outcome.endedAtMillis());
        engine.nextExperiment = Math.max(engine.nextExperiment, experiment.id().number() + 1);
        boolean wasRunning = engine.running.remove(experiment.id()) != null;
        engine.startedAt.remove(experiment.id());
        engine.streamed.remove(experiment.id());
        engine.stoppedEarly.remove(experiment.id());
        machines.free(experiment, outcome);
        if (outcome.status() == OutcomeStatus.LOST) {
            lost(experiment, outcome, wasRunning, actions);
            return;
        }
        engine.experimentsDone++;
        machines.recordHardware(experiment, outcome, actions);
        switch (experiment.kind()) {
            case BASELINE -> baseline(experiment, outcome, actions);
            case CALIBRATE -> machines.calibrated(experiment, outcome, actions);
            case SCREEN -> screened(experiment, outcome, actions);
            case VERIFY -> verified(experiment, outcome, actions);
        }
    }

    void committed(WinnerCommitted event, List<Action> actions) {
        CandidateState state = engine.candidates.get(event.candidate());
        if (state == null || state.pendingKeep.isEmpty()) {
            return;
        }
        JournalEntry.Run evidence = state.pendingKeep.get();
        state.pendingKeep = Optional.empty();
        state.status = CandidateStatus.KEPT;
        engine.best = event.commit();
        engine.keptRatio *= evidence.verdict().map(Verdict::medianRatio).orElse(1.0);
        actions.add(new Action.Record(withCommit(evidence, engine.nextRun++, event.commit())));
        actions.add(Engine.notice("kept", "%s kept as %s: %s".formatted(event.candidate(),
                Engine.shortSha(event.commit()), describe(evidence.verdict().orElseThrow())),
                Map.of("candidate", event.candidate().value(), "commit", event.commit())));
    }

    private void lost(Experiment experiment, ExperimentOutcome outcome, boolean wasRunning, List<Action> actions) {
        if (experiment.kind() == ExperimentKind.BASELINE) {
            engine.baselineInFlight = false;
        }
        experiment.candidate().map(engine.candidates::get).ifPresent(state -> {
            if (state.status == CandidateStatus.SCREENING) {
                state.status = CandidateStatus.QUEUED;
            } else if (state.status == CandidateStatus.VERIFYING) {
                state.status = CandidateStatus.PROMISING;
            }
        });
        if (wasRunning) {
            actions.add(Engine.notice("lost", experiment.id() + " on " + experiment.machine() + " lost ("
                    + outcome.error() + "); its candidate goes back to the queue",
                    Map.of("experiment", experiment.id().toString())));
        }
    }

    private void baseline(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        engine.baselineInFlight = false;
        if (outcome.status() != OutcomeStatus.DONE || outcome.samples().isEmpty()) {
            String status = outcome.status() == OutcomeStatus.CHECKS_FAILED ? "checks_failed" : "crash";
            actions.add(record(experiment, outcome, status, Optional.empty(), null, engine.best));
            engine.halt("the baseline (best commit " + Engine.shortSha(engine.best) + ") failed on "
                    + experiment.machine() + ": " + outcome.error() + "; fix the build, benchmark or checks script, "
                    + "then run again (log: .skyresearch/logs/" + experiment.id() + ".log)", true, actions);
            return;
        }
        double value = Summary.median(toArray(outcome.samples()));
        engine.baseline = Optional.of(value);
        engine.baselineMillis = outcome.endedAtMillis() - outcome.startedAtMillis();
        engine.keptRatio = 1.0;
        actions.add(record(experiment, outcome, "keep", Optional.empty(), null, engine.best));
        actions.add(Engine.notice("baseline", "baseline %s on %s: %.6g (%d samples)".formatted(
                Engine.shortSha(engine.best), experiment.machine(), value, outcome.samples().size()),
                Map.of("value", Double.toString(value))));
    }

    private void screened(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        CandidateState state = candidateOf(experiment);
        if (state == null) {
            return;
        }
        if (failed(experiment, outcome, state, actions)) {
            return;
        }
        Verdict verdict = engine.protocol.screen(outcome.pairs());
        if (!outcome.error().isEmpty()) {
            verdict = new Verdict(verdict.decision(), verdict.pairs(), verdict.medianRatio(), verdict.ratioLow(),
                    verdict.ratioHigh(), verdict.p(), verdict.reason() + " (" + outcome.error() + ")");
        }
        state.lastVerdict = Optional.of(verdict);
        state.status = verdict.decision() == Decision.PROMISING ? CandidateStatus.PROMISING : CandidateStatus.DISCARDED;
        state.reason = verdict.reason();
        actions.add(record(experiment, outcome, state.status == CandidateStatus.PROMISING ? "promising" : "discard",
                Optional.of(verdict), state, state.candidate.commit()));
        actions.add(decided(experiment, verdict));
    }

    private void verified(Experiment experiment, ExperimentOutcome outcome, List<Action> actions) {
        CandidateState state = candidateOf(experiment);
        if (state == null) {
            return;
        }
        if (failed(experiment, outcome, state, actions)) {
            return;
        }
        if (!experiment.bestCommit().equals(engine.best)) {
            stale(experiment, outcome, state, actions);
            return;
        }
        boolean firstLook = experiment.verifyRound() == 1;
        List<PairSample> pairs = outcome.pairs();
        if (!firstLook) {
            pairs = new ArrayList<>(state.firstLookPairs);
            pairs.addAll(outcome.pairs());
        }
        Verdict verdict = withReach(experiment, firstLook ? engine.protocol.verifyFirstLook(pairs)
                : engine.protocol.verifyFinalLook(pairs));
        state.lastVerdict = Optional.of(verdict);
        state.reason = verdict.reason();
        actions.add(decided(experiment, verdict));
        switch (verdict.decision()) {
            case KEEP -> keep(experiment, outcome, state, verdict, actions);
            case EXTEND -> {
                state.status = CandidateStatus.PROMISING;
                state.verifyRound = 2;
                state.firstLookPairs.addAll(outcome.pairs());
                actions.add(record(experiment, outcome, "extend", Optional.of(verdict), state, state.candidate.commit()));
            }
            default -> {
                state.status = CandidateStatus.DISCARDED;
                actions.add(record(experiment, outcome, "discard", Optional.of(verdict), state, state.candidate.commit()));
            }
        }
    }

    private void keep(Experiment experiment, ExperimentOutcome outcome, CandidateState state, Verdict verdict,
                      List<Action> actions) {
        state.status = CandidateStatus.VERIFYING;
        // The run number is taken when the commit lands, so journal lines stay in order.
        JournalEntry.Run evidence = entry(experiment, outcome, "keep", Optional.of(verdict), state,
                state.candidate.commit(), 0);
        state.pendingKeep = Optional.of(evidence);
        actions.add(new Action.CommitWinner(state.candidate, evidence));
    }

    /** A discard on a machine too noisy to see the minimum effect says so: "no gain" and "cannot tell" differ. */
    private Verdict withReach(Experiment experiment, Verdict verdict) {
        if (verdict.decision() != Decision.DISCARD || !(verdict.p() >= engine.policy.extensionAlpha())) {
            return verdict;
        }
        Optional<Double> reach = Optional.ofNullable(engine.machines.get(experiment.machine()))
                .flatMap(slot -> slot.noise).map(NoiseRecord::pairSigma).filter(Double::isFinite)
                .map(sigma -> PairCount.minimumDetectableGain(sigma, verdict.pairs()));
        if (reach.isEmpty() || reach.get() <= engine.policy.minEffect()) {
            return verdict;
        }
        return new Verdict(verdict.decision(), verdict.pairs(), verdict.medianRatio(), verdict.ratioLow(),
                verdict.ratioHigh(), verdict.p(), verdict.reason() + "; %s detects only gains above %.1f%% with %d pairs"
                .formatted(experiment.machine(), 100 * reach.get(), verdict.pairs()));
    }

    /** The best moved while this verification ran: its pairs compare against an old best, so they don't count. */
    private void stale(Experiment experiment, ExperimentOutcome outcome, CandidateState state, List<Action> actions) {
        state.status = CandidateStatus.PROMISING;
        state.dropStalePairs();
        state.reason = "best moved during verification; verifying again against the new best";
        actions.add(record(experiment, outcome, "stale", Optional.empty(), state, state.candidate.commit()));
        actions.add(Engine.notice("stale", experiment.id() + ": " + state.reason,
                Map.of("experiment", experiment.id().toString())));
    }

    private boolean failed(Experiment experiment, ExperimentOutcome outcome, CandidateState state,
                           List<Action> actions) {
        if (outcome.status() == OutcomeStatus.DONE && !outcome.pairs().isEmpty()) {
            return false;
        }
        boolean checks = outcome.status() == OutcomeStatus.CHECKS_FAILED;
        state.status = checks ? CandidateStatus.CHECKS_FAILED : CandidateStatus.CRASHED;
        state.reason = outcome.error().isEmpty() ? "no pairs measured" : outcome.error();
        actions.add(record(experiment, outcome, checks ? "checks_failed" : "crash", Optional.empty(), state,
                state.candidate.commit()));
        actions.add(Engine.notice(checks ? "checks_failed" : "crashed", "%s %s: %s".formatted(
                experiment.candidate().orElseThrow(), checks ? "failed its checks" : "crashed", state.reason),
                Map.of("candidate", experiment.candidate().orElseThrow().value())));
        return true;
    }

    private CandidateState candidateOf(Experiment experiment) {
        return experiment.candidate().map(engine.candidates::get).orElse(null);
    }

    private Action.Record record(Experiment experiment, ExperimentOutcome outcome, String status,
                                 Optional<Verdict> verdict, CandidateState state, String commit) {
        return new Action.Record(entry(experiment, outcome, status, verdict, state, commit, engine.nextRun++));
    }

    private static JournalEntry.Run entry(Experiment experiment, ExperimentOutcome outcome, String status,
                                          Optional<Verdict> verdict, CandidateState state, String commit, int run) {
        String description = state == null ? "baseline" : state.description;
        String source = state == null ? "" : state.source;
        return new JournalEntry.Run(run, experiment, outcome, status, verdict, description, source, commit,
                representative(experiment, outcome), outcome.endedAtMillis());
    }

    private static Optional<Double> representative(Experiment experiment, ExperimentOutcome outcome) {
        if (!experiment.paired()) {
            return outcome.samples().isEmpty() ? Optional.empty()
                    : Optional.of(Summary.median(toArray(outcome.samples())));
        }
        if (outcome.pairs().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Summary.median(outcome.pairs().stream().mapToDouble(PairSample::candidate).toArray()));
    }

    private static JournalEntry.Run withCommit(JournalEntry.Run run, int number, String commit) {
        return new JournalEntry.Run(number, run.experiment(), run.outcome(), run.status(), run.verdict(),
                run.description(), run.source(), commit, run.metric(), run.timestampMillis());
    }

    private static Action decided(Experiment experiment, Verdict verdict) {
        String candidate = experiment.candidate().map(CandidateId::value).orElse("");
        return Engine.notice("decided", "%s %s %s on %s: %s -> %s".formatted(experiment.id(), experiment.kind().label(),
                candidate, experiment.machine(), describe(verdict), verdict.decision().name().toLowerCase()),
                Map.of("experiment", experiment.id().toString(), "candidate", candidate,
                        "decision", verdict.decision().name().toLowerCase()));
    }

    static String describe(Verdict verdict) {
        String p = Double.isNaN(verdict.p()) ? "" : ", p=%.2g".formatted(verdict.p());
        String interval = Double.isNaN(verdict.gainLow()) ? "(too few pairs for a 95% interval)"
                : "[%+.1f%%, %+.1f%%]".formatted(100 * verdict.gainLow(), 100 * verdict.gainHigh());
        return "gain %+.1f%% %s over %d pairs%s".formatted(100 * verdict.gain(), interval, verdict.pairs(), p);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
