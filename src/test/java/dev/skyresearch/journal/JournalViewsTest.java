package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.Direction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalViewsTest {
    @Test
    void resultsTsvHasKarpathysColumnsAndOneRowPerDecision() {
        List<String> lines = ResultsTsv.render(JournalSamples.all()).lines().toList();
        assertEquals("commit\tmetric\tmemory_gb\tstatus\tdescription", lines.get(0));
        assertEquals("aaaa111\t10.250000\t0.0\tkeep\tbaseline", lines.get(1));
        assertEquals("eeee\t6.000000\t0.0\tdiscard\tslower", lines.get(2));
        assertEquals("ffff\t0.000000\t0.0\tcrash\tbroken build", lines.get(3));
        assertTrue(lines.get(4).startsWith("-\t0.000000\t0.0\trejected\tedit the benchmark (touches protected"));
        assertEquals("dddd444\t8.950000\t0.0\tkeep\tInterchange | loops", lines.get(5));
    }

    @Test
    void summaryShowsProgressAndKeptChanges() {
        RunSummary summary = new RunSummary("matmul", "autoresearch/demo", "time_ms", "ms", Direction.LOWER,
                Optional.of(10.25), Optional.of(9.1));
        String md = SummaryMarkdown.render(summary, JournalSamples.all());
        assertTrue(md.contains("- baseline: 10.25 ms -> best 9.100 ms"), md);
        assertTrue(md.contains("1 kept, 1 discarded, 1 crashed, 0 failed checks, 1 rejected"), md);
        assertTrue(md.contains("| c-12ab | Interchange \\| loops | +11.0% [+7.0%, +15.0%], p=0.001200 |"), md);
    }

    @Test
    void improvementsListTheEvidenceOfEachKeep() {
        String md = ImprovementsMarkdown.render(JournalSamples.all());
        assertTrue(md.contains("## 1. Interchange | loops"), md);
        assertTrue(md.contains("commit `dddd444`"), md);
        assertTrue(md.contains("+11.0% [+7.0%, +15.0%], p=0.001200, 2 interleaved pairs"), md);
        assertTrue(md.contains("- source: paper"), md);
        assertTrue(ImprovementsMarkdown.render(List.of()).contains("Nothing kept yet."));
    }
}
