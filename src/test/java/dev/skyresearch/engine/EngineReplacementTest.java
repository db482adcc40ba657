package dev.skyresearch.engine;

import static dev.skyresearch.engine.EngineFixture.dispatched;
import static dev.skyresearch.engine.EngineFixture.of;
import static dev.skyresearch.engine.EngineFixture.onlyDispatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backend that replaces machines (sky): quarantine retires a machine, and its replacement is calibrated. */
class EngineReplacementTest {
    private static final NoisePolicy NOISE = new NoisePolicy(0.02, 0.05, 10, 0);
    private final EngineFixture fixture = new EngineFixture(
            Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 0, 0, NOISE, 0).withReplacements(true));

    private static List<PairSample> aa(double spread) {
        List<PairSample> pairs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            double wobble = i % 2 == 0 ? spread : -spread;
            pairs.add(new PairSample(i, 100 * (1 + wobble), 100 * (1 - wobble), i % 2 == 0));
        }
        return pairs;
    }

    @Test
    void aQuarantinedMachineIsRetiredAndTheRunWaitsForItsReplacementInsteadOfHalting() {
        Experiment baseline = onlyDispatch(fixture.machines(1));
        fixture.submit("c-1", 0);
        Experiment calibration = onlyDispatch(fixture.finishBaseline(baseline, 100));
        List<Action> noisy = fixture.finish(calibration, OutcomeStatus.DONE, aa(0.3), "");
        Action.Retire retire = of(noisy, Action.Retire.class).get(0);
        assertEquals(calibration.machine(), retire.machine());
        assertTrue(retire.reason().startsWith("quarantined"), retire.reason());
        assertTrue(of(noisy, Action.Halt.class).isEmpty(), "a replacement is coming: no halt");

        MachineId fresh = new MachineId("sr-02");
        assertTrue(fixture.engine.on(new EngineEvent.MachineProvisioning(fresh, 50)).isEmpty());
        assertEquals(MachineState.PROVISIONING, fixture.engine.snapshot().machines().stream()
                .filter(m -> m.id().equals(fresh)).findFirst().orElseThrow().state());
        Experiment next = onlyDispatch(fixture.engine.on(new EngineEvent.MachineReady(fresh, 60)));
        assertEquals(ExperimentKind.CALIBRATE, next.kind(), "a replacement is calibrated before it measures");
        assertEquals(fresh, next.machine());
    }

    @Test
    void aFleetThatCannotGoOnHaltsTheRunWithItsReason() {
        onlyDispatch(fixture.machines(1));
        List<Action> actions = fixture.engine.on(new EngineEvent.FleetFailed("no cloud access: run sky check", 70));
        assertEquals("no cloud access: run sky check", of(actions, Action.Halt.class).get(0).reason());
        assertTrue(dispatched(actions).isEmpty());
    }
}
