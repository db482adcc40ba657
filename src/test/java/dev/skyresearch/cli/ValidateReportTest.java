package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.backend.PhaseTimes;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.runner.ValidateSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateReportTest {
    private static ValidateSession.Result run(double value, long benchMillis) {
        return new ValidateSession.Result(new ExperimentOutcome(OutcomeStatus.DONE, List.of(), List.of(value, value),
                Fingerprint.UNKNOWN, "", List.of(), 0, 1), List.of(new PhaseTimes.Phase("bench", benchMillis, 0)));
    }

    @Test
    void aMetricThatAgreesWithTheClockPasses() {
        assertTrue(ValidateReport.clockCheck(run(1.1, 2000), "time_s", "s").isEmpty());
        assertTrue(ValidateReport.clockCheck(run(900, 2000), "time_ms", "ms").isEmpty());
    }

    @Test
    void aMetricOffByMoreThanTwiceTheClockIsFlagged() {
        String warning = ValidateReport.clockCheck(run(1100, 2000), "time_s", "s").orElseThrow();
        assertTrue(warning.startsWith("METRIC time_s says 1.100e+06 ms per run"), warning);
        assertTrue(ValidateReport.clockCheck(run(0.1, 2000), "time_s", "s").isPresent(), "ten times too small");
        assertTrue(ValidateReport.clockCheck(run(5, 2000), "tokens_per_s", "").isEmpty(), "not a time: no check");
    }
}
