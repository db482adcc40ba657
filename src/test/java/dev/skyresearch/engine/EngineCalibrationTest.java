package dev.skyresearch.engine;

import static dev.skyresearch.engine.EngineFixture.dispatched;
import static dev.skyresearch.engine.EngineFixture.of;
import static dev.skyresearch.engine.EngineFixture.onlyDispatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EngineCalibrationTest {
    private static final NoisePolicy NOISE = new NoisePolicy(0.02, 0.05, 10, 2);
    private final EngineFixture fixture = new EngineFixture(Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 0, 0, NOISE, 0));

    /** A/A pairs with the given per-run CV (lognormal), reproducible. */
    private static List<PairSample> aa(double cv, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        List<PairSample> pairs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            pairs.add(new PairSample(i, 100 * Math.exp(sigma * random.nextGaussian()),
                    100 * Math.exp(sigma * random.nextGaussian()), i % 2 == 0));
        }
        return pairs;
    }

    private List<Experiment> calibrations() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        fixture.submit("c-1", 0);
        List<Experiment> calibrations = dispatched(fixture.finishBaseline(baseline, 100));
        assertEquals(List.of(ExperimentKind.CALIBRATE, ExperimentKind.CALIBRATE),
                calibrations.stream().map(Experiment::kind).toList(), "every machine is calibrated before it measures");
        assertEquals(calibrations.get(0).bestCommit(), calibrations.get(0).candidateCommit().orElseThrow(),
                "an A/A run measures the best against itself");
        return calibrations;
    }

    private MachineState state(String machine) {
        return fixture.engine.snapshot().machines().stream().filter(m -> m.id().value().equals(machine))
                .findFirst().orElseThrow().state();
    }

    @Test
    void aQuietMachineIsTrustedAndANoisyOneQuarantinedWithAWarning() {
        List<Experiment> calibrations = calibrations();
        List<Action> quiet = fixture.finish(calibrations.get(0), OutcomeStatus.DONE, aa(0.005, 1), "");
        assertEquals(ExperimentKind.SCREEN, onlyDispatch(quiet).kind());
        List<Action> noisy = fixture.finish(calibrations.get(1), OutcomeStatus.DONE, aa(0.15, 2), "");
        Notice warning = of(noisy, Action.Notify.class).get(0).notice();
        assertEquals("noise_warning", warning.kind());
        assertTrue(warning.text().contains("above noise.max_cv"), warning.text());
        assertEquals(MachineState.QUARANTINED, state(calibrations.get(1).machine().value()));
        assertTrue(dispatched(noisy).isEmpty(), "a quarantined machine gets no work");
        EngineSnapshot.MachineView trusted = fixture.engine.snapshot().machines().get(0);
        assertEquals(NoiseBand.TRUSTED, trusted.noise().orElseThrow().band());
        assertTrue(trusted.detectableGain().orElseThrow() < 0.01, "15 pairs at CV 0.5% detect under 1%");
    }

    @Test
    void whenEveryMachineIsQuarantinedTheRunStops() {
        List<Experiment> calibrations = calibrations();
        fixture.finish(calibrations.get(0), OutcomeStatus.DONE, aa(0.2, 3), "");
        List<Action> last = fixture.finish(calibrations.get(1), OutcomeStatus.CRASH, List.of(), "build failed");
        Action.Halt halt = of(last, Action.Halt.class).get(0);
        assertTrue(halt.reason().startsWith("every machine is quarantined"), halt.reason());
    }

    @Test
    void verificationsWaitForATrustedMachineAndRecalibrationFollowsTheSchedule() {
        List<Experiment> calibrations = calibrations();
        Experiment screen = onlyDispatch(fixture.finish(calibrations.get(0), OutcomeStatus.DONE, aa(0.005, 4), ""));
        MachineId trusted = screen.machine();
        List<Action> usableReady = fixture.finish(calibrations.get(1), OutcomeStatus.DONE, aa(0.03, 5), "");
        assertTrue(dispatched(usableReady).isEmpty(), "nothing else is queued");
        List<Action> promising = fixture.finishPaired(screen, 0.8);
        Experiment verify = onlyDispatch(promising);
        assertEquals(ExperimentKind.VERIFY, verify.kind());
        assertEquals(trusted, verify.machine(), "the verification runs on the trusted machine");
        Action.CommitWinner commit = of(fixture.finishPaired(verify, 0.8), Action.CommitWinner.class).get(0);
        fixture.submit("c-2", 0);
        List<Action> after = fixture.engine.on(new EngineEvent.WinnerCommitted(commit.candidate().id(), "best2", 9));
        List<Experiment> next = dispatched(after);
        assertTrue(next.stream().anyMatch(e -> e.kind() == ExperimentKind.CALIBRATE && e.machine().equals(trusted)),
                "after noise.recalibrate_every experiments the machine is calibrated again: " + next);
    }

    @Test
    void aUsableMachineVerifiesWithMorePairsWhenNoTrustedMachineExists() {
        List<Experiment> calibrations = calibrations();
        Experiment screen = onlyDispatch(fixture.finish(calibrations.get(0), OutcomeStatus.DONE, aa(0.035, 1), ""));
        fixture.finish(calibrations.get(1), OutcomeStatus.DONE, aa(0.04, 2), "");
        Experiment verify = onlyDispatch(fixture.finishPaired(screen, 0.8));
        assertTrue(verify.pairs() > 30, "a noisy machine needs more pairs: " + verify.pairs());
        assertTrue(verify.pairs() <= 60);
    }

    @Test
    void aSlowBenchmarkGetsPairCountsThatFitTheCandidateBudget() {
        Policy budgeted = Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 0, 0, NOISE, 30 * 60_000);
        EngineFixture slow = new EngineFixture(budgeted);
        Experiment baseline = onlyDispatch(slow.machines(1));
        slow.submit("c-1", 0);
        long fiveMinutes = 5 * 60_000;
        List<Action> afterBaseline = slow.engine.on(new EngineEvent.ExperimentFinished(baseline, new ExperimentOutcome(
                OutcomeStatus.DONE, List.of(), List.of(100.0), Fingerprint.UNKNOWN, "", List.of(), 0, fiveMinutes)));
        Experiment calibration = onlyDispatch(afterBaseline);
        assertEquals(PairBudget.MIN_CALIBRATION, calibration.pairs(), "half of 30 minutes buys 1.5 pairs: the minimum");
        List<Action> calibrated = slow.engine.on(new EngineEvent.ExperimentFinished(calibration, new ExperimentOutcome(
                OutcomeStatus.DONE, aa(0.005, 1).subList(0, 5), List.of(), Fingerprint.UNKNOWN, "", List.of(), 0,
                10 * fiveMinutes)));
        Experiment screen = onlyDispatch(calibrated);
        assertEquals(PairBudget.MIN_SCREEN, screen.pairs());
        Experiment verify = onlyDispatch(slow.finishPaired(screen, 0.8));
        assertEquals(PairBudget.MIN_VERIFY, verify.pairs(), "22.5 minutes buy 2 pairs; 6 is the least that can keep");
        assertEquals(Decision.KEEP, of(slow.finishPaired(verify, 0.8), Action.CommitWinner.class).get(0).evidence()
                .verdict().orElseThrow().decision());
    }

    @Test
    void calibrationIsSkippedWhenThereIsNothingToMeasure() {
        Experiment baseline = onlyDispatch(fixture.machines(2));
        assertTrue(dispatched(fixture.finishBaseline(baseline, 100)).isEmpty());
        assertTrue(fixture.engine.snapshot().idle());
    }
}
