package dev.skyresearch.runner;

import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.Engine;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Policy;
import dev.skyresearch.workspace.CommitInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds an engine from what a run left on disk: the accepted candidates, the journal's lines in order, and
 * keeps that reached the run branch but not the journal. Replayed actions are dropped (they already happened);
 * {@link Engine#resume()} re-issues the ones still owed.
 */
public final class JournalReplay {
    private JournalReplay() {
    }

    /**
     * @param branchLog the run branch's commits, newest first (as {@code git log} lists them)
     * @return the engine and the keep lines recovered from commit trailers, which the caller must journal
     */
    public static Replayed replay(Policy policy, String branchHead, List<Candidate> candidates,
                                  List<JournalEntry> journal, List<CommitInfo> branchLog, long nowMillis) {
        Engine engine = new Engine(policy, initialBest(journal, branchHead), nowMillis);
        candidates.forEach(candidate -> engine.on(new EngineEvent.CandidateSubmitted(candidate)));
        Set<String> keptCandidates = new HashSet<>();
        for (JournalEntry entry : journal) {
            apply(engine, entry);
            if (entry instanceof JournalEntry.Run run && isKeep(run)) {
                run.experiment().candidate().ifPresent(id -> keptCandidates.add(id.value()));
            }
        }
        List<JournalEntry.Run> recovered = new ArrayList<>();
        for (int i = branchLog.size() - 1; i >= 0; i--) {
            Optional<JournalEntry.Run> trailer = CommitMessage.result(branchLog.get(i).message());
            if (trailer.isPresent() && isKeep(trailer.get()) && trailer.get().experiment().candidate()
                    .map(id -> keptCandidates.add(id.value())).orElse(false)) {
                JournalEntry.Run run = trailer.get();
                recovered.add(new JournalEntry.Run(run.run(), run.experiment(), run.outcome(), run.status(),
                        run.verdict(), run.description(), run.source(), branchLog.get(i).sha(), run.metric(),
                        run.timestampMillis()));
            }
        }
        return new Replayed(engine, recovered);
    }

    /** Feeds one journal line to the engine as the events that produced it. */
    public static void apply(Engine engine, JournalEntry entry) {
        if (entry instanceof JournalEntry.Rejection rejection) {
            engine.on(new EngineEvent.CandidateRejected(rejection.candidate(), rejection.description(),
                    rejection.source(), rejection.wave(), rejection.reason(), rejection.timestampMillis()));
            return;
        }
        JournalEntry.Run run = (JournalEntry.Run) entry;
        engine.on(new EngineEvent.ExperimentFinished(run.experiment(), run.outcome()));
        if (isKeep(run)) {
            engine.on(new EngineEvent.WinnerCommitted(run.experiment().candidate().orElseThrow(), run.commit(),
                    run.timestampMillis()));
        }
    }

    /** The best when the run began: the baseline's commit, or the branch head for a new run. */
    private static String initialBest(List<JournalEntry> journal, String branchHead) {
        return journal.stream()
                .filter(JournalEntry.Run.class::isInstance)
                .map(entry -> ((JournalEntry.Run) entry).experiment().bestCommit())
                .findFirst()
                .orElse(branchHead);
    }

    private static boolean isKeep(JournalEntry.Run run) {
        return run.experiment().kind() == ExperimentKind.VERIFY && "keep".equals(run.status());
    }

    /** A rebuilt engine plus keep lines found only on the run branch. */
    public record Replayed(Engine engine, List<JournalEntry.Run> recovered) {}
}
