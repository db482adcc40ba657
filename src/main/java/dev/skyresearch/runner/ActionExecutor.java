package dev.skyresearch.runner;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.engine.Action;
import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Notice;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.workspace.RebaseResult;
import dev.skyresearch.workspace.Rebaser;
import dev.skyresearch.workspace.WinnerCommitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out the engine's actions on the runner thread. Actions that answer with an event (rebase, commit)
 * hand that event back through {@code followUp}, which the runner feeds to the engine next.
 */
final class ActionExecutor {
    private final Backend backend;
    private final JsonlJournal journal;
    private final JournalViews views;
    private final CandidateStore store;
    private final Rebaser rebaser;
    private final WinnerCommitter committer;
    private final String branch;
    private final InstantSource clock;
    private final Consumer<Notice> out;
    private final StatusPublisher status;
    private final String reproduction;
    private Optional<Action.Halt> halt = Optional.empty();

    ActionExecutor(RunnerParts parts) {
        this.backend = parts.backend();
        this.journal = parts.journal();
        this.views = parts.views();
        this.store = parts.store();
        this.rebaser = parts.rebaser();
        this.committer = parts.committer();
        this.branch = parts.branch();
        this.clock = parts.clock();
        this.out = parts.out();
        this.status = parts.status();
        this.reproduction = parts.reproduction();
    }

    void execute(List<Action> actions, Consumer<EngineEvent> followUp) {
        for (Action action : actions) {
            if (action instanceof Action.Record record) {
                record(record.entry());
            } else if (action instanceof Action.Dispatch dispatch) {
                backend.launch(dispatch.experiment());
            } else if (action instanceof Action.Retire retire) {
                backend.retire(retire.machine(), retire.reason());
            } else if (action instanceof Action.StopEarly stop) {
                backend.stopEarly(stop.experiment(), stop.reason());
            } else if (action instanceof Action.Rebase rebase) {
                followUp.accept(rebase(rebase.candidate(), rebase.onto()));
            } else if (action instanceof Action.CommitWinner commit) {
                followUp.accept(commit(commit.candidate(), commit.evidence()));
            } else if (action instanceof Action.Notify notify) {
                out.accept(notify.notice());
            } else if (action instanceof Action.Halt stop) {
                halt = halt.or(() -> Optional.of(stop));
            }
        }
    }

    /** The measuring machine's calibration, from the latest snapshot, for the commit's record. */
    private String machineNoise(JournalEntry.Run evidence) {
        return status.latest().stream().flatMap(snapshot -> snapshot.machines().stream())
                .filter(machine -> machine.id().equals(evidence.experiment().machine()))
                .flatMap(machine -> machine.noise().stream())
                .map(noise -> String.format("%nMachine noise: %s, CV %.2f%%, A/A p=%.2g", noise.band().label(),
                        100 * noise.runCv(), noise.aaP()))
                .findFirst().orElse("");
    }

    Optional<Action.Halt> halt() {
        return halt;
    }

    private void record(JournalEntry entry) {
        try {
            journal.append(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal: " + e.getMessage(), e);
        }
        views.add(entry);
    }

    private EngineEvent rebase(Candidate candidate, String onto) {
        RebaseResult result = rebaser.rebase(candidate.id().value(), candidate.commit(), onto);
        if (result instanceof RebaseResult.Rebased rebased) {
            store.save(candidate.rebased(rebased.commit(), onto));
            return new EngineEvent.CandidateRebased(candidate.id(), rebased.commit(), onto);
        }
        return new EngineEvent.RebaseFailed(candidate.id(), ((RebaseResult.Conflicted) result).paths(), clock.millis());
    }

    private EngineEvent commit(Candidate candidate, JournalEntry.Run evidence) {
        String commit = committer.commit(branch, candidate.base(), candidate.commit(),
                CommitMessage.compose(evidence, reproduction + machineNoise(evidence)));
        return new EngineEvent.WinnerCommitted(candidate.id(), commit, clock.millis());
    }
}
