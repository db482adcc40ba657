package dev.skyresearch.engine;

/** Something the engine wants done, returned from {@link Engine#on}; the runner carries it out in order. */
public sealed interface Action {
    /** Start a job on its machine. The candidate, if any, is already based on {@code experiment.bestCommit()}. */
    record Dispatch(Experiment experiment) implements Action {}

    /** End a job now but keep what it measured: its outcome arrives as done, with the pairs so far. */
    record StopEarly(ExperimentId experiment, String reason) implements Action {}

    /** Replay the candidate onto the current best; answer with CandidateRebased or RebaseFailed. */
    record Rebase(Candidate candidate, String onto) implements Action {}

    /** Commit a verified winner on the run branch; answer with WinnerCommitted. */
    record CommitWinner(Candidate candidate, JournalEntry.Run evidence) implements Action {}

    /** Append one line to the journal, before anything that depends on it. */
    record Record(JournalEntry entry) implements Action {}

    /** Take a machine out of service (quarantined as too noisy); a backend that can replaces it. */
    record Retire(MachineId machine, String reason) implements Action {}

    /** Tell the user. */
    record Notify(Notice notice) implements Action {}

    /** Stop the run: {@code configurationError} means exit code 2 (the user must fix a file). */
    record Halt(String reason, boolean configurationError) implements Action {}
}
