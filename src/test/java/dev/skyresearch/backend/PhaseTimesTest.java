package dev.skyresearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTimesTest {
    @Test
    void pairsStartAndEndMarkersIntoDurations() {
        List<PhaseTimes.Phase> phases = PhaseTimes.of(List.of("PHASE build side=A start=1000", "  [build A] cc ...",
                "PHASE build side=A end=1400 exit=0", "(task, pid=3) PHASE bench start=2000",
                "\u001b[0mPHASE bench end=2600 exit=1", "PHASE checks start=3000"));
        assertEquals(List.of(new PhaseTimes.Phase("build A", 400, 0), new PhaseTimes.Phase("bench", 600, 1)), phases);
    }
}
