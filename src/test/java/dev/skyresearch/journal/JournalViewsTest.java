package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalViewsTest {
    private static final RunSummary SUMMARY = new RunSummary("matmul", "autoresearch/demo", "time_ms", "ms",
            Direction.LOWER, Optional.of(10.25), Optional.of(9.1));

    @Test
    void resultsTsvHasKarpathysColumnsAndOneRowPerDecision() {
        List<String> lines = ResultsTsv.render(JournalSamples.all()).lines().toList();
        assertEquals(List.of("commit\tmetric\tmemory_gb\tstatus\tdescription",
                "aaaa111\t10.250000\t0.0\tkeep\tbaseline",
                "eeee\t6.000000\t0.0\tdiscard\tslower",
                "ffff\t0.000000\t0.0\tcrash\tbroken build",
                "-\t0.000000\t0.0\trejected\tedit the benchmark (touches protected path autoresearch.sh)",
                "dddd444\t8.950000\t0.0\tkeep\tInterchange | loops"), lines);
    }

    @Test
    void resultsTsvLeavesOutIntermediateStepsAndShortensCommits() {
        JournalEntry.Run kept = JournalSamples.kept();
        JournalEntry.Run promising = new JournalEntry.Run(8, kept.experiment(), kept.outcome(), "promising",
                kept.verdict(), "multi\nline", "", "0123456789abcdef", Optional.of(9.0), 1);
        JournalEntry.Run longCommit = new JournalEntry.Run(9, kept.experiment(), kept.outcome(), "keep",
                kept.verdict(), "multi\nline", "", "0123456789abcdef", Optional.of(9.0), 1);
        List<String> lines = ResultsTsv.render(List.of(promising, longCommit)).lines().toList();
        assertEquals(List.of("commit\tmetric\tmemory_gb\tstatus\tdescription",
                "0123456\t9.000000\t0.0\tkeep\tmulti line"), lines);
    }

    @Test
    void summaryShowsProgressCountsAndKeptChanges() {
        String md = SummaryMarkdown.render(SUMMARY, JournalSamples.all());
        assertTrue(md.startsWith("# autoresearch: matmul\n"), md);
        assertTrue(md.contains("- metric: `time_ms` (ms), lower is better\n"), md);
        assertTrue(md.contains("- baseline: 10.25 ms -> best 9.100 ms (+11.2%)\n"), md);
        assertTrue(md.contains("- candidates: 1 kept, 1 discarded, 1 crashed, 0 failed checks, 1 rejected; "
                + "4 experiments\n"), md);
        assertTrue(md.contains("| c-12ab | Interchange \\| loops | +11.0% [7.0%, 15.0%], p=0.0012 |\n"), md);
        assertTrue(md.contains("| 3 | screen | c-99 | discard | -20.0% [-20.0%, -20.0%] | slower |\n"), md);
        assertTrue(md.contains("| 5 | intake | c-77 | rejected | - | edit the benchmark (touches protected"), md);
        assertTrue(!md.contains("\r"), "line endings are \\n on every platform");
    }

    @Test
    void summaryForAHigherIsBetterMetricCountsAnIncreaseAsAGain() {
        RunSummary higher = new RunSummary("gen", "b", "tokens_per_s", "", Direction.HIGHER, Optional.of(200.0),
                Optional.of(250.0));
        String md = SummaryMarkdown.render(higher, List.of());
        assertTrue(md.contains("- metric: `tokens_per_s`, higher is better\n"), md);
        assertTrue(md.contains("- baseline: 200.0 -> best 250.0 (+25.0%)\n"), md);
        assertTrue(md.contains("0 kept, 0 discarded, 0 crashed, 0 failed checks, 0 rejected; 0 experiments"), md);
    }

    @Test
    void summaryListsOnlyTheLatestTwentyEntries() {
        List<JournalEntry> entries = new ArrayList<>();
        for (int run = 1; run <= 25; run++) {
            entries.add(new JournalEntry.Rejection(run, new CandidateId("c-" + run),
                    "idea " + run, "", "w", "dup", run));
        }
        String md = SummaryMarkdown.render(SUMMARY, entries);
        assertTrue(md.contains("| 6 | intake | c-6 |"), md);
        assertTrue(!md.contains("| 5 | intake | c-5 |"), md);
        assertTrue(md.contains("| 25 | intake | c-25 |"), md);
    }

    @Test
    void improvementsListTheEvidenceOfEachKeep() {
        String md = ImprovementsMarkdown.render(JournalSamples.all());
        assertTrue(md.contains("\n## 1. Interchange | loops\n\n"), md);
        assertTrue(md.contains("- change: candidate `c-12ab`, commit `dddd444`\n"), md);
        assertTrue(md.contains("- measured gain: +11.0% [7.0%, 15.0%], p=0.0012, 2 interleaved pairs"), md);
        assertTrue(md.contains("- machine: local-2 (Xeon \"Gold\" x2, 8Gi memory, m5.large)\n"), md);
        assertTrue(md.contains("- source: paper\n"), md);
        assertTrue(!md.contains("## 2."), "the baseline's keep line is not a change: " + md);
        assertTrue(ImprovementsMarkdown.render(List.of()).contains("Nothing kept yet."));
    }

    @Test
    void pValuesKeepTwoSignificantDigitsAndAFloor() {
        assertEquals("p=0.0012", Formats.p(0.0012));
        assertEquals("p=0.029", Formats.p(0.0294));
        assertEquals("p=0.5", Formats.p(0.5));
        assertEquals("p<0.0001", Formats.p(3e-7));
    }
}
