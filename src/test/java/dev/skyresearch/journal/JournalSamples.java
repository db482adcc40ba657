package dev.skyresearch.journal;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.Decision;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairSample;
import dev.skyresearch.engine.Verdict;
import java.util.List;
import java.util.Optional;

/** Hand-built journal entries of every shape, for codec and view tests. */
final class JournalSamples {
    private JournalSamples() {
    }

    static JournalEntry.Run baseline() {
        Experiment experiment = new Experiment(new ExperimentId(1), ExperimentKind.BASELINE, Optional.empty(),
                new MachineId("local-1"), "aaaa111", Optional.empty(), 0, "", true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE, List.of(), List.of(10.5, 10.25, 0.1 + 0.2),
                new Fingerprint("Xeon", 2, "8Gi", "", ""), "", List.of(), 100, 200);
        return new JournalEntry.Run(1, experiment, outcome, "keep", Optional.empty(), "baseline", "", "aaaa111",
                Optional.of(10.25), 200);
    }

    static JournalEntry.Run kept() {
        Experiment experiment = new Experiment(new ExperimentId(7), ExperimentKind.VERIFY,
                Optional.of(new CandidateId("c-12ab")), new MachineId("local-2"), "aaaa111", Optional.of("cccc333"), 2,
                "ABBA", false, 2);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE,
                List.of(new PairSample(1, 10.0, 9.0, true), new PairSample(2, 10.1, 8.9, false)), List.of(),
                new Fingerprint("Xeon \"Gold\"", 2, "8Gi", "", "m5.large"), "", List.of("tail é ✓"), 300, 400);
        Verdict verdict = new Verdict(Decision.KEEP, 2, 0.89, 0.85, 0.93, 0.0012, "p below 0.0294");
        return new JournalEntry.Run(9, experiment, outcome, "keep", Optional.of(verdict), "Interchange | loops",
                "paper", "dddd444", Optional.of(8.95), 400);
    }

    static JournalEntry.Run screenedWithoutTest() {
        Experiment experiment = new Experiment(new ExperimentId(3), ExperimentKind.SCREEN,
                Optional.of(new CandidateId("c-99")), new MachineId("local-1"), "aaaa111", Optional.of("eeee"), 1,
                "BA", true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE, List.of(new PairSample(1, 5, 6, false)),
                List.of(), Fingerprint.UNKNOWN, "", List.of(), 1, 2);
        Verdict verdict = new Verdict(Decision.DISCARD, 1, 1.2, 1.2, 1.2, Double.NaN, "not faster");
        return new JournalEntry.Run(3, experiment, outcome, "discard", Optional.of(verdict), "slower", "", "eeee",
                Optional.of(6.0), 2);
    }

    static JournalEntry.Run crashed() {
        Experiment experiment = new Experiment(new ExperimentId(4), ExperimentKind.SCREEN,
                Optional.of(new CandidateId("c-55")), new MachineId("local-1"), "aaaa111", Optional.of("ffff"), 1,
                "AB", true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), Fingerprint.UNKNOWN,
                "build failed (exit 2)", List.of("error: x", "make: *** [all] Error 1"), 1, 2);
        return new JournalEntry.Run(4, experiment, outcome, "crash", Optional.empty(), "broken\tbuild", "", "ffff",
                Optional.empty(), 2);
    }

    static JournalEntry.Rejection rejected() {
        return new JournalEntry.Rejection(5, new CandidateId("c-77"), "edit the benchmark", "agent", "w-0002",
                "touches protected path autoresearch.sh", 500);
    }

    static List<JournalEntry> all() {
        return List.of(baseline(), screenedWithoutTest(), crashed(), rejected(), kept());
    }

    /** Further shapes for the codec: every kind, decision and outcome status, non-finite numbers, unicode. */
    static List<JournalEntry> rarer() {
        return List.of(calibrated(), extended(), lost(), checksFailed(), promising());
    }

    static JournalEntry.Run calibrated() {
        Experiment experiment = new Experiment(new ExperimentId(2), ExperimentKind.CALIBRATE, Optional.empty(),
                new MachineId("sr-03"), "aaaa111", Optional.empty(), 1, "AB", false, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE, List.of(new PairSample(1, 1e-9, 1e300,
                true)), List.of(Double.NaN, -0.0, Double.MIN_VALUE), new Fingerprint("", 96, "", "H100", ""), "",
                List.of(), Long.MAX_VALUE - 1, Long.MAX_VALUE);
        return new JournalEntry.Run(2, experiment, outcome, "keep", Optional.empty(), "", "", "aaaa111",
                Optional.of(0.30000000000000004), 0);
    }

    static JournalEntry.Run extended() {
        Experiment experiment = new Experiment(new ExperimentId(10), ExperimentKind.VERIFY,
                Optional.of(new CandidateId("c-ünï")), new MachineId("local-1"), "bbbb", Optional.of("cccc"), 2, "ABBA",
                true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE,
                List.of(new PairSample(1, 3, 2.9, true), new PairSample(2, 3.1, 3.0, false)), List.of(),
                Fingerprint.UNKNOWN, "", List.of(), 5, 6);
        Verdict verdict = new Verdict(Decision.EXTEND, 2, 0.97, Double.NaN, Double.NaN, 0.07, "inconclusive");
        return new JournalEntry.Run(10, experiment, outcome, "extend", Optional.of(verdict),
                "Vectorise the 内核 loop 🚀\nsecond line \"quoted\"", "arXiv:2401.00001", "cccc", Optional.of(2.95), 6);
    }

    static JournalEntry.Run lost() {
        Experiment experiment = new Experiment(new ExperimentId(11), ExperimentKind.SCREEN,
                Optional.of(new CandidateId("c-1")), new MachineId("sr-01"), "bbbb", Optional.of("dddd"), 1, "BA",
                true, 1);
        return new JournalEntry.Run(11, experiment, ExperimentOutcome.lost("machine gone", 7), "stale",
                Optional.empty(), "", "", "dddd", Optional.empty(), 7);
    }

    static JournalEntry.Run checksFailed() {
        Experiment experiment = new Experiment(new ExperimentId(12), ExperimentKind.SCREEN,
                Optional.of(new CandidateId("c-2")), new MachineId("local-1"), "bbbb", Optional.of("eeee"), 1, "AB",
                true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.CHECKS_FAILED, List.of(), List.of(),
                Fingerprint.UNKNOWN, "checks failed (exit 1)", List.of("", "FAIL test_x"), 8, 9);
        return new JournalEntry.Run(12, experiment, outcome, "checks_failed", Optional.empty(), "x", "", "eeee",
                Optional.empty(), 9);
    }

    static JournalEntry.Run promising() {
        Experiment experiment = new Experiment(new ExperimentId(13), ExperimentKind.SCREEN,
                Optional.of(new CandidateId("c-3")), new MachineId("local-1"), "bbbb", Optional.of("ffff"), 1, "AB",
                true, 1);
        ExperimentOutcome outcome = new ExperimentOutcome(OutcomeStatus.DONE, List.of(new PairSample(1, 2, 1, true)),
                List.of(), Fingerprint.UNKNOWN, "", List.of(), 10, 11);
        Verdict verdict = new Verdict(Decision.PROMISING, 1, 0.5, 0.5, 0.5, Double.NaN, "");
        return new JournalEntry.Run(13, experiment, outcome, "promising", Optional.of(verdict), "faster", "", "ffff",
                Optional.of(1.0), 11);
    }
}
