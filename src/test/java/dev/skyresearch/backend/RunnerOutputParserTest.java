package dev.skyresearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairSample;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnerOutputParserTest {
    private static final Experiment BASELINE = new Experiment(new ExperimentId(1), ExperimentKind.BASELINE,
            Optional.empty(), new MachineId("local-1"), "abc", Optional.empty(), 0, "", true, 1);
    private static final Experiment PAIRED = new Experiment(new ExperimentId(2), ExperimentKind.SCREEN,
            Optional.empty(), new MachineId("local-1"), "abc", Optional.of("def"), 2, "ABBA", true, 1);

    private static ExperimentOutcome parse(Experiment experiment, String... lines) {
        return RunnerOutputParser.parse(List.of(lines), experiment, "time_s", 0, false, 10, 20);
    }

    @Test
    void readsSamplesThroughColourCodesAndSkyPilotPrefixes() {
        ExperimentOutcome outcome = parse(BASELINE,
                "(exp-01, pid=4127) EXPERIMENT_ID: exp-0001",
                "(exp-01, pid=4127) HOST_INFO cpu_model=\"Intel(R) Xeon(R) \" cores=4 memory=\"16Gi\" gpu=\"H100:1\" instance=\"p5\"",
                "\u001b[0m(exp-01, pid=4127) METRIC time_s=1.25\u001b[0m\r",
                "METRIC time_s=1.5", "METRIC other=3", "(exp-01, pid=4127) EXPERIMENT_STATUS: done");
        assertEquals(OutcomeStatus.DONE, outcome.status());
        assertEquals(List.of(1.25, 1.5), outcome.samples());
        assertEquals(new Fingerprint("Intel(R) Xeon(R) ", 4, "16Gi", "H100:1", "p5"), outcome.host());
    }

    @Test
    void pairsEachRoundsMediansAndRemembersWhoWentFirst() {
        ExperimentOutcome outcome = parse(PAIRED,
                "AB_SAMPLE side=A round=1 time_s=10", "AB_SAMPLE side=A round=1 time_s=12", "AB_SAMPLE side=A round=1 time_s=11",
                "AB_SAMPLE side=B round=1 time_s=9",
                "AB_SAMPLE side=B round=2 time_s=8", "AB_SAMPLE side=A round=2 time_s=10",
                "  [bench A] METRIC time_s=999", "EXPERIMENT_STATUS: done");
        assertEquals(List.of(new PairSample(1, 11, 9, true), new PairSample(2, 10, 8, false)), outcome.pairs());
    }

    @Test
    void aRoundMissingASideIsDropped() {
        ExperimentOutcome outcome = parse(PAIRED, "AB_SAMPLE side=A round=1 time_s=10", "AB_SAMPLE side=B round=1 time_s=9",
                "AB_SAMPLE side=A round=2 time_s=10", "EXPERIMENT_STATUS: done");
        assertEquals(1, outcome.pairs().size());
    }

    @Test
    void noMetricLineIsACrashThatSaysWhatToPrint() {
        ExperimentOutcome outcome = parse(BASELINE, "hello", "EXPERIMENT_STATUS: done");
        assertEquals(OutcomeStatus.CRASH, outcome.status());
        assertEquals("benchmark printed no 'METRIC time_s=<value>' line", outcome.error());
    }

    @Test
    void nonNumericNanAndNonPositiveMetricsAreCrashes() {
        assertEquals("METRIC time_s has a non-numeric value 'abc'",
                parse(BASELINE, "METRIC time_s=abc", "EXPERIMENT_STATUS: done").error());
        assertEquals("METRIC time_s must be a positive finite number, got 'NaN'",
                parse(BASELINE, "METRIC time_s=NaN", "EXPERIMENT_STATUS: done").error());
        assertEquals("METRIC time_s must be a positive finite number, got '-1'",
                parse(BASELINE, "METRIC time_s=-1", "EXPERIMENT_STATUS: done").error());
    }

    @Test
    void failuresKeepTheRunnersReasonAndTheLogTail() {
        ExperimentOutcome outcome = parse(PAIRED, "compiling", "error: x undeclared", "CHECKS_STATUS: failed (exit 1)",
                "EXPERIMENT_STATUS: checks_failed", "EXPERIMENT_ERROR: checks failed (exit 1): mismatch at 3");
        assertEquals(OutcomeStatus.CHECKS_FAILED, outcome.status());
        assertEquals("checks failed (exit 1): mismatch at 3", outcome.error());
        assertEquals(List.of("compiling", "error: x undeclared"), outcome.logTail());
    }

    @Test
    void aRunnerThatDiedWithoutAStatusIsACrash() {
        ExperimentOutcome killed = RunnerOutputParser.parse(List.of("EXPERIMENT_ID: exp-0002"), PAIRED, "time_s", -1,
                true, 0, 1);
        assertEquals(OutcomeStatus.CRASH, killed.status());
        assertEquals("timed out: the runner was killed", killed.error());
        assertEquals("runner ended without EXPERIMENT_STATUS (exit 137)",
                RunnerOutputParser.parse(List.of(), PAIRED, "time_s", 137, false, 0, 1).error());
    }
}
