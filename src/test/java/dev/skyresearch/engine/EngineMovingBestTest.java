package dev.skyresearch.engine;

import static dev.skyresearch.engine.EngineFixture.dispatched;
import static dev.skyresearch.engine.EngineFixture.of;
import static dev.skyresearch.engine.EngineFixture.onlyDispatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineMovingBestTest {
    private final EngineFixture fixture = new EngineFixture();

    @Test
    void waitingCandidatesAreRebasedOntoANewBestBeforeTheyRun() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-win", 1);
        fixture.submit("c-next", 0);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));
        Experiment verify = onlyDispatch(fixture.finishPaired(screen, 0.8));
        Action.CommitWinner commit = of(fixture.finishPaired(verify, 0.8), Action.CommitWinner.class).get(0);

        List<Action> committed = fixture.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "best2", 9));
        Action.Rebase rebase = of(committed, Action.Rebase.class).get(0);
        assertEquals("c-next", rebase.candidate().id().value());
        assertEquals("best2", rebase.onto());
        assertTrue(dispatched(committed).isEmpty(), "a candidate on an old base never runs against the new best");

        Experiment next = onlyDispatch(fixture.engine.on(new EngineEvent.CandidateRebased(new CandidateId("c-next"),
                "rebased", "best2")));
        assertEquals("best2", next.bestCommit());
        assertEquals("rebased", next.candidateCommit().orElseThrow());
    }

    @Test
    void aCandidateThatNoLongerAppliesIsRejectedWithItsConflicts() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-win", 1);
        fixture.submit("c-clash", 0);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));
        Experiment verify = onlyDispatch(fixture.finishPaired(screen, 0.8));
        Action.CommitWinner commit = of(fixture.finishPaired(verify, 0.8), Action.CommitWinner.class).get(0);
        fixture.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "best2", 9));

        List<Action> actions = fixture.engine.on(new EngineEvent.RebaseFailed(new CandidateId("c-clash"),
                List.of("src/a.c"), 10));
        assertEquals(CandidateStatus.REJECTED, fixture.status("c-clash"));
        JournalEntry.Rejection rejection = (JournalEntry.Rejection) EngineFixture.records(actions).get(0);
        assertTrue(rejection.reason().contains("conflicts in src/a.c"), rejection.reason());
    }

    @Test
    void aVerificationOvertakenByANewBestIsRunAgainAgainstIt() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-a", 1);
        fixture.submit("c-b", 0);
        List<Experiment> screens = dispatched(fixture.finishBaseline(baseline, 10));
        Experiment verifyA = onlyDispatch(fixture.finishPaired(screens.get(0), 0.8));
        Experiment verifyB = onlyDispatch(fixture.finishPaired(screens.get(1), 0.9));
        Action.CommitWinner commitA = of(fixture.finishPaired(verifyA, 0.8), Action.CommitWinner.class).get(0);
        fixture.engine.on(new EngineEvent.WinnerCommitted(commitA.candidate().id(), "best2", 9));

        List<Action> stale = fixture.finishPaired(verifyB, 0.9);
        assertTrue(of(stale, Action.CommitWinner.class).isEmpty(), "pairs against an old best never make a keep");
        assertEquals("stale", ((JournalEntry.Run) EngineFixture.records(stale).get(0)).status());
        assertEquals(CandidateStatus.PROMISING, fixture.status("c-b"));
        assertEquals("c-b", of(stale, Action.Rebase.class).get(0).candidate().id().value());
    }

    @Test
    void anExtensionOvertakenByANewBestGetsItsFinalLookOnFreshPairsNotANewFirstLook() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-win", 1);
        fixture.submit("c-maybe", 0);
        List<Experiment> screens = dispatched(fixture.finishBaseline(baseline, 10));
        Experiment screenWin = screens.stream().filter(e -> e.candidate().get().value().equals("c-win")).findFirst().get();
        Experiment screenMaybe = screens.stream().filter(e -> e.candidate().get().value().equals("c-maybe")).findFirst().get();
        Experiment verifyMaybe = onlyDispatch(fixture.finishPaired(screenMaybe, 0.99));
        Experiment extension = onlyDispatch(fixture.finish(verifyMaybe, OutcomeStatus.DONE, mixedPairs(15), ""));
        assertEquals(2, extension.verifyRound());
        Experiment verifyWin = onlyDispatch(fixture.finishPaired(screenWin, 0.8));
        Action.CommitWinner commit = of(fixture.finishPaired(verifyWin, 0.8), Action.CommitWinner.class).get(0);
        fixture.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "best2", 9));

        List<Action> stale = fixture.finish(extension, OutcomeStatus.DONE, mixedPairs(15), "");
        Action.Rebase rebase = of(stale, Action.Rebase.class).get(0);
        Experiment finalLook = onlyDispatch(fixture.engine.on(new EngineEvent.CandidateRebased(rebase.candidate().id(),
                "rebased", "best2")));
        assertEquals(2, finalLook.verifyRound(), "the overtaken extension is re-run as the final look");
        fixture.finish(finalLook, OutcomeStatus.DONE, mixedPairs(15), "");
        Verdict verdict = fixture.view("c-maybe").orElseThrow().lastVerdict().orElseThrow();
        assertEquals(15, verdict.pairs(), "pairs against the old best are not pooled with the new ones");
        assertEquals(Decision.DISCARD, verdict.decision());
    }

    @Test
    void anInconclusiveVerificationRunsOnePlannedExtensionOverPooledPairs() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-1", 0);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));
        Experiment verify = onlyDispatch(fixture.finishPaired(screen, 0.9));
        Experiment extension = onlyDispatch(fixture.finish(verify, OutcomeStatus.DONE, mixedPairs(15), ""));
        assertEquals(ExperimentKind.VERIFY, extension.kind());
        assertEquals(2, extension.verifyRound());

        List<Action> finalLook = fixture.finish(extension, OutcomeStatus.DONE, mixedPairs(15), "");
        Verdict verdict = fixture.view("c-1").orElseThrow().lastVerdict().orElseThrow();
        assertEquals(30, verdict.pairs(), "the second look tests both batches together");
        assertEquals(Decision.DISCARD, verdict.decision());
        assertTrue(dispatched(finalLook).isEmpty(), "there is no third look");
    }

    @Test
    void stopsDispatchingAtTheExperimentLimitAndBecomesIdle() {
        Policy policy = Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 2, 0, NoisePolicy.OFF, 0);
        EngineFixture limited = new EngineFixture(policy);
        Experiment baseline = onlyDispatch(limited.machines(1));
        limited.submit("c-1", 0);
        limited.submit("c-2", 0);
        Experiment screen = onlyDispatch(limited.finishBaseline(baseline, 10));
        List<Action> after = limited.finishPaired(screen, 1.1);
        assertTrue(dispatched(after).isEmpty());
        assertTrue(limited.engine.snapshot().stopping());
        assertTrue(limited.engine.snapshot().idle());
        assertEquals(CandidateStatus.QUEUED, limited.status("c-2"));
    }

    @Test
    void theTimeBudgetStopsNewWorkOnceTicksPassIt() {
        Policy policy = Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 0, 3_600_000, NoisePolicy.OFF, 0);
        EngineFixture timed = new EngineFixture(policy);
        Experiment baseline = onlyDispatch(timed.machines(1));
        timed.submit("c-1", 0);
        timed.submit("c-2", 0);
        Experiment screen = onlyDispatch(timed.finishBaseline(baseline, 10));
        assertTrue(timed.engine.on(new EngineEvent.Tick(timed.now + 3_599_000)).isEmpty());
        List<Action> late = timed.engine.on(new EngineEvent.Tick(timed.now + 3_601_000));
        assertEquals("stopping", of(late, Action.Notify.class).get(0).notice().kind());
        assertTrue(dispatched(timed.finishPaired(screen, 1.2)).isEmpty(), "no new job after the budget");
        assertTrue(timed.engine.snapshot().idle());
    }

    /** Pairs whose ratios straddle 1 with a slight lean to better: p lands between α and the futility bound. */
    private static List<PairSample> mixedPairs(int count) {
        double[] ratios = {0.97, 1.02, 0.98, 0.99, 1.01, 0.96, 1.03, 0.98, 0.995, 1.005, 0.97, 1.02, 0.99, 0.985, 1.01};
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new PairSample(i + 1, 100, 100 * ratios[i % ratios.length], i % 2 == 0)).toList();
    }
}
