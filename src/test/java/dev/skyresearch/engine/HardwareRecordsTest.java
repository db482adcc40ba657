package dev.skyresearch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HardwareRecordsTest {
    private static final Fingerprint H100 = new Fingerprint("Xeon 8480", 26, "234Gi", "H100:1", "a3-highgpu-1g");
    private static final Fingerprint H200 = new Fingerprint("Xeon 8480", 26, "234Gi", "H200:1", "a3-ultragpu-1g");

    @Test
    void twoMachineTypesThatDisagreeBeyondTheNoiseRaiseOneWarning() {
        HardwareRecords records = new HardwareRecords();
        assertTrue(records.add("abc1234", H100, List.of(100.0, 101.0, 99.0), 0.01).isEmpty());
        Optional<String> warning = records.add("abc1234", H200, List.of(91.0, 92.0, 90.0), 0.01);
        assertTrue(warning.orElseThrow().startsWith("hardware confound: Xeon 8480 x26 H200:1 measures abc1234 9.0% lower"),
                warning.orElseThrow());
        assertTrue(records.add("abc1234", H200, List.of(91.0), 0.01).isEmpty(), "one warning per confound");
        assertEquals(91.0, records.medians("abc1234").get(H200));
    }

    @Test
    void differencesWithinTheNoiseAreNotAConfound() {
        HardwareRecords records = new HardwareRecords();
        records.add("abc1234", H100, List.of(100.0, 101.0, 99.0), 0.03);
        assertTrue(records.add("abc1234", H200, List.of(96.0, 97.0, 95.0), 0.03).isEmpty());
    }

    @Test
    void theEngineReportsTheBestPerFingerprintAndTheConfound() {
        EngineFixture fixture = new EngineFixture();
        Experiment baseline = EngineFixture.onlyDispatch(fixture.machines(2));
        fixture.engine.on(new EngineEvent.ExperimentFinished(baseline, new ExperimentOutcome(OutcomeStatus.DONE,
                List.of(), List.of(100.0, 100.0, 100.0), H100, "", List.of(), 0, 1)));
        Experiment screen = EngineFixture.onlyDispatch(fixture.submit("c-1", 0));
        List<Action> actions = fixture.engine.on(new EngineEvent.ExperimentFinished(screen, new ExperimentOutcome(
                OutcomeStatus.DONE, List.of(new PairSample(1, 90, 91, true), new PairSample(2, 90, 91, false)), List.of(),
                H200, "", List.of(), 2, 3)));
        assertTrue(EngineFixture.of(actions, Action.Notify.class).stream()
                .anyMatch(notify -> notify.notice().kind().equals("hardware_confound")));
        EngineSnapshot snapshot = fixture.engine.snapshot();
        assertEquals(100.0, snapshot.bestByHardware().get(H100));
        assertEquals(90.0, snapshot.bestByHardware().get(H200));
        assertEquals(1, snapshot.warnings().size());
    }
}
