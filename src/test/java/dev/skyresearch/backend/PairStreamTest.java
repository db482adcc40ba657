package dev.skyresearch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skyresearch.engine.PairSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairStreamTest {
    @Test
    void aRoundIsReportedWhenTheNextRunStartsOrTheJobEnds() {
        List<PairSample> pairs = new ArrayList<>();
        PairStream stream = new PairStream("time_s", pairs::add);
        for (String line : List.of("PHASE bench side=B start=1", "AB_SAMPLE side=B round=1 time_s=9",
                "AB_SAMPLE side=B round=1 time_s=11", "PHASE bench side=A start=2", "AB_SAMPLE side=A round=1 time_s=20")) {
            stream.accept(line);
        }
        assertEquals(List.of(), pairs, "side A of round 1 may still print samples");
        stream.accept("\u001b[0mPHASE bench side=A start=3");
        assertEquals(List.of(new PairSample(1, 20, 10, false)), pairs);
        stream.accept("AB_SAMPLE side=A round=2 time_s=20");
        stream.accept("AB_SAMPLE side=B round=2 time_s=10");
        stream.accept("EXPERIMENT_STATUS: done");
        assertEquals(2, pairs.size());
        stream.accept("EXPERIMENT_STATUS: done");
        assertEquals(2, pairs.size(), "each round once");
    }
}
