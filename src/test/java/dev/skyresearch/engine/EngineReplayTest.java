package dev.skyresearch.engine;

import static dev.skyresearch.engine.EngineFixture.dispatched;
import static dev.skyresearch.engine.EngineFixture.of;
import static dev.skyresearch.engine.EngineFixture.onlyDispatch;
import static dev.skyresearch.engine.EngineFixture.records;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal replayed into a fresh engine must rebuild the same decisions: that is what resume relies on. */
class EngineReplayTest {

    @Test
    void replayingTheJournalRebuildsTheSameStateAndRunNumbers() {
        EngineFixture live = new EngineFixture();
        List<JournalEntry> journal = new ArrayList<>();
        List<Candidate> submitted = new ArrayList<>();
        Experiment baseline = onlyDispatch(live.machines(2));
        for (String id : List.of("c-1", "c-2", "c-3")) {
            submitted.add(EngineFixture.candidate(id, 0, EngineFixture.BEST));
            live.engine.on(new EngineEvent.CandidateSubmitted(submitted.get(submitted.size() - 1)));
        }
        List<Experiment> screens = dispatched(keep(journal, live.finishBaseline(baseline, 10)));
        Experiment verify = onlyDispatch(keep(journal, live.finishPaired(screens.get(0), 0.8)));
        keep(journal, live.finishPaired(screens.get(1), 1.2));
        Action.CommitWinner commit = of(keep(journal, live.finishPaired(verify, 0.8)), Action.CommitWinner.class).get(0);
        keep(journal, live.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "best2", 50)));

        Engine replayed = new Engine(Policy.defaults(Direction.LOWER), EngineFixture.BEST, 0);
        submitted.forEach(candidate -> replayed.on(new EngineEvent.CandidateSubmitted(candidate)));
        List<JournalEntry> rerecorded = new ArrayList<>();
        for (JournalEntry entry : journal) {
            JournalEntry.Run run = (JournalEntry.Run) entry;
            rerecorded.addAll(records(replayed.on(new EngineEvent.ExperimentFinished(run.experiment(), run.outcome()))));
            if (run.experiment().kind() == ExperimentKind.VERIFY && run.status().equals("keep")) {
                rerecorded.addAll(records(replayed.on(new EngineEvent.WinnerCommitted(
                        run.experiment().candidate().orElseThrow(), run.commit(), run.timestampMillis()))));
            }
        }
        assertEquals(journal, rerecorded, "the replay decides exactly what the live run decided");
        EngineSnapshot expected = live.engine.snapshot();
        EngineSnapshot actual = replayed.snapshot();
        assertEquals(expected.bestCommit(), actual.bestCommit());
        assertEquals(expected.baseline(), actual.baseline());
        for (int i = 0; i < expected.candidates().size(); i++) {
            CandidateStatus before = expected.candidates().get(i).status();
            CandidateStatus rebuilt = actual.candidates().get(i).status();
            assertEquals(before.terminal() ? before : CandidateStatus.QUEUED, rebuilt,
                    "decided candidates keep their decision; one that was in flight waits to run again");
        }
    }

    private static List<Action> keep(List<JournalEntry> journal, List<Action> actions) {
        journal.addAll(records(actions));
        return actions;
    }
}
