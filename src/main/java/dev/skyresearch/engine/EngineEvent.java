package dev.skyresearch.engine;

import java.util.List;

/** Something that happened, fed to {@link Engine#on}. Immutable; produced by backends, the clock and users. */
public sealed interface EngineEvent {
    /** A machine can take work. */
    record MachineReady(MachineId machine, long atMillis) implements EngineEvent {}

    /** A machine is being brought up (a cluster launching); MachineReady follows when it can take work. */
    record MachineProvisioning(MachineId machine, long atMillis) implements EngineEvent {}

    /** The backend cannot go on (no cloud access, no cluster could be launched, replacements used up). */
    record FleetFailed(String reason, long atMillis) implements EngineEvent {}

    /** A machine is gone (stopped, preempted, failed); its job, if any, is lost and re-queued. */
    record MachineLost(MachineId machine, String reason, long atMillis) implements EngineEvent {}

    /** A candidate passed intake checks and joins the queue. */
    record CandidateSubmitted(Candidate candidate) implements EngineEvent {}

    /** A candidate failed intake (scope, protected path, does not apply, duplicate...). */
    record CandidateRejected(CandidateId id, String description, String source, String wave, String reason,
                             long atMillis) implements EngineEvent {}

    /** A job ended, measured or not. Carries the job itself so a replay needs no prior dispatch. */
    record ExperimentFinished(Experiment experiment, ExperimentOutcome outcome) implements EngineEvent {}

    /** A running job finished one more pair (streamed, so a clearly worse screen can stop early). */
    record PairMeasured(ExperimentId experiment, PairSample pair) implements EngineEvent {}

    /** The runner wrote the winner's commit on the run branch. */
    record WinnerCommitted(CandidateId candidate, String commit, long atMillis) implements EngineEvent {}

    /** The runner rebased a candidate onto the current best before measuring it. */
    record CandidateRebased(CandidateId candidate, String commit, String base) implements EngineEvent {}

    /** The candidate no longer applies on the current best. */
    record RebaseFailed(CandidateId candidate, List<String> conflicts, long atMillis) implements EngineEvent {}

    /** Time passed; drives time-based stop rules. */
    record Tick(long nowMillis) implements EngineEvent {}

    /** The user paused or resumed dispatching new jobs. */
    record DispatchPaused(boolean paused) implements EngineEvent {}

    /** The user asked to stop: no new jobs; the runner stops once nothing is in flight. */
    record StopRequested(String reason) implements EngineEvent {}
}
