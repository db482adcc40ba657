package dev.skyresearch.engine;

import static dev.skyresearch.engine.EngineFixture.dispatched;
import static dev.skyresearch.engine.EngineFixture.of;
import static dev.skyresearch.engine.EngineFixture.onlyDispatch;
import static dev.skyresearch.engine.EngineFixture.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final EngineFixture fixture = new EngineFixture();

    @Test
    void measuresTheBaselineBeforeAnyCandidate() {
        fixture.submit("c-1", 0);
        fixture.submit("c-2", 0);
        List<Action> actions = fixture.machines(2);
        Experiment baseline = onlyDispatch(actions);
        assertEquals(ExperimentKind.BASELINE, baseline.kind());
        assertEquals(EngineFixture.BEST, baseline.bestCommit());

        List<Experiment> next = dispatched(fixture.finishBaseline(baseline, 12.5));
        assertEquals(2, next.size(), "both machines get work once the baseline is known");
        assertEquals(12.5, fixture.engine.snapshot().baseline().orElseThrow());
    }

    @Test
    void aFailingBaselineHaltsAsAConfigurationError() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        List<Action> actions = fixture.finish(baseline, OutcomeStatus.CRASH, List.of(),
                "benchmark printed no 'METRIC time_s=<value>' line");
        Action.Halt halt = of(actions, Action.Halt.class).get(0);
        assertTrue(halt.configurationError());
        assertTrue(halt.reason().contains("no 'METRIC time_s=<value>' line"), halt.reason());
        assertTrue(fixture.engine.snapshot().idle());
    }

    @Test
    void screensHigherPriorityFirstOnOneMachinePerJob() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-low", 0);
        fixture.submit("c-high", 5);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));
        assertEquals(ExperimentKind.SCREEN, screen.kind());
        assertEquals("c-high", screen.candidate().orElseThrow().value());
        assertEquals(5, screen.pairs());
        assertEquals(10, screen.order().length());
        assertTrue(screen.runChecks());
    }

    @Test
    void aClearWinnerIsScreenedVerifiedCommittedAndMovesTheBest() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-1", 0);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));

        Experiment verify = onlyDispatch(fixture.finishPaired(screen, 0.90));
        assertEquals(ExperimentKind.VERIFY, verify.kind());
        assertEquals(15, verify.pairs());
        assertFalse(verify.runChecks());

        List<Action> verified = fixture.finishPaired(verify, 0.90);
        Action.CommitWinner commit = of(verified, Action.CommitWinner.class).get(0);
        assertEquals("c-1", commit.candidate().id().value());
        assertTrue(records(verified).isEmpty(), "a keep is journaled only once its commit exists");

        List<Action> committed = fixture.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "new1", 5));
        JournalEntry.Run keep = (JournalEntry.Run) records(committed).get(0);
        assertEquals("keep", keep.status());
        assertEquals("new1", keep.commit());
        assertEquals(0.90, keep.verdict().orElseThrow().medianRatio(), 0.01);
        assertEquals(CandidateStatus.KEPT, fixture.status("c-1"));
        assertEquals("new1", fixture.engine.best());
        assertEquals(9.0, fixture.engine.snapshot().bestEstimate().orElseThrow(), 0.1);
    }

    @Test
    void aCandidateNoBetterThanBestIsDiscardedAtScreening() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-1", 0);
        Experiment screen = onlyDispatch(fixture.finishBaseline(baseline, 10));
        List<Action> actions = fixture.finishPaired(screen, 1.05);
        assertEquals(CandidateStatus.DISCARDED, fixture.status("c-1"));
        assertEquals("discard", ((JournalEntry.Run) records(actions).get(0)).status());
        assertTrue(fixture.engine.snapshot().idle());
    }

    @Test
    void crashesAndFailedChecksAreRecordedWithTheirReason() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-crash", 0);
        fixture.submit("c-checks", 0);
        List<Experiment> screens = dispatched(fixture.finishBaseline(baseline, 10));
        Experiment crash = screens.stream().filter(e -> e.candidate().get().value().equals("c-crash")).findFirst().get();
        Experiment checks = screens.stream().filter(e -> e.candidate().get().value().equals("c-checks")).findFirst().get();
        fixture.finish(crash, OutcomeStatus.CRASH, List.of(), "build failed (exit 2)");
        fixture.finish(checks, OutcomeStatus.CHECKS_FAILED, List.of(), "checks failed (exit 1)");
        assertEquals(CandidateStatus.CRASHED, fixture.status("c-crash"));
        assertEquals("build failed (exit 2)", fixture.view("c-crash").orElseThrow().reason());
        assertEquals(CandidateStatus.CHECKS_FAILED, fixture.status("c-checks"));
    }

    @Test
    void aScreenThatIsClearlyWorseStopsEarlyButANearMissRunsToTheEnd() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-slow", 0);
        fixture.submit("c-close", 0);
        List<Experiment> screens = dispatched(fixture.finishBaseline(baseline, 10));
        Experiment slow = screens.stream().filter(e -> e.candidate().get().value().equals("c-slow")).findFirst().get();
        Experiment close = screens.stream().filter(e -> e.candidate().get().value().equals("c-close")).findFirst().get();
        List<Action> stops = new java.util.ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            stops.addAll(fixture.engine.on(new EngineEvent.PairMeasured(slow.id(), new PairSample(round, 10, 13, true))));
            stops.addAll(fixture.engine.on(new EngineEvent.PairMeasured(close.id(), new PairSample(round, 10, 10.1, true))));
        }
        assertEquals(List.of(new Action.StopEarly(slow.id(), "clearly worse than the best after 3 pairs")),
                of(stops, Action.StopEarly.class));
        fixture.finish(slow, OutcomeStatus.DONE, List.of(new PairSample(1, 10, 13, true), new PairSample(2, 10, 13, true),
                new PairSample(3, 10, 13, true)), "stopped early: clearly worse than the best after 3 pairs");
        assertEquals(CandidateStatus.DISCARDED, fixture.status("c-slow"));
        assertTrue(fixture.view("c-slow").orElseThrow().lastVerdict().orElseThrow().reason().contains("stopped early"));
    }

    @Test
    void pausingHoldsNewWorkUntilResumed() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-1", 0);
        fixture.engine.on(new EngineEvent.DispatchPaused(true));
        assertTrue(dispatched(fixture.finishBaseline(baseline, 10)).isEmpty());
        assertFalse(fixture.engine.snapshot().idle(), "paused with work waiting is not done");
        Experiment screen = onlyDispatch(fixture.engine.on(new EngineEvent.DispatchPaused(false)));
        assertEquals("c-1", screen.candidate().orElseThrow().value());
    }

    @Test
    void aLostJobPutsItsCandidateBackInTheQueue() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-1", 0);
        Experiment screen = dispatched(fixture.finishBaseline(baseline, 10)).get(0);
        List<Action> actions = fixture.engine.on(new EngineEvent.MachineLost(screen.machine(), "preempted", 7));
        assertEquals(CandidateStatus.SCREENING, fixture.status("c-1"), "re-dispatched at once on the other machine");
        Experiment again = onlyDispatch(actions);
        assertEquals("c-1", again.candidate().orElseThrow().value());
        assertTrue(records(actions).isEmpty(), "nothing was measured, so nothing is journaled");
    }
}
