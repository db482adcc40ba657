package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyresearch.engine.JournalEntry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalCodecTest {
    static Stream<JournalEntry> entries() {
        return JournalSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void everyEntryShapeSurvivesATripThroughItsJsonLine(JournalEntry entry) throws Exception {
        String line = JournalCodec.toJson(entry, "time_s").toString();
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertEquals(entry, JournalCodec.fromJson(parsed));
    }

    @Test
    void runLinesCarryPiAutoresearchFieldsAndOurs() {
        JsonNode line = JournalCodec.toJson(JournalSamples.kept(), "time_s");
        for (String field : new String[] {"run", "commit", "metric", "metrics", "status", "description", "timestamp",
                "experiment", "candidate", "machine", "fingerprint", "pairs", "ci", "p", "source"}) {
            assertTrue(line.has(field), "missing " + field);
        }
        assertEquals(8.95, line.path("metrics").path("time_s").asDouble());
        assertEquals(0.07, line.path("ci").get(0).asDouble(), 1e-9);
    }

    @Test
    void aPValueThatIsNotANumberIsWrittenAsNull() {
        JsonNode line = JournalCodec.toJson(JournalSamples.screenedWithoutTest());
        assertTrue(line.path("p").isNull());
        assertTrue(line.path("verdict").path("p").isNull());
    }
}
