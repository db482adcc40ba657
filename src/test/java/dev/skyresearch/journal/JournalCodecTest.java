package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.JournalEntry;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalCodecTest {
    static Stream<JournalEntry> entries() {
        return Stream.concat(JournalSamples.all().stream(), JournalSamples.rarer().stream());
    }

    @ParameterizedTest
    @MethodSource("entries")
    void everyEntryShapeSurvivesATripThroughItsJsonLine(JournalEntry entry) throws Exception {
        String line = JournalCodec.toJson(entry, "time_s").toString();
        assertFalse(line.contains("\n"), "one entry is one line");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertEquals(entry, JournalCodec.fromJson(parsed));
        assertEquals(line, JournalCodec.toJson(JournalCodec.fromJson(parsed), "time_s").toString());
    }

    @Test
    void runLinesCarryPiAutoresearchFieldsAndOurs() {
        JsonNode line = JournalCodec.toJson(JournalSamples.kept(), "time_s");
        for (String field : new String[] {"run", "commit", "metric", "metrics", "status", "description", "timestamp",
                "experiment", "stage", "verify_round", "candidate", "machine", "fingerprint", "best_commit",
                "candidate_commit", "pairs", "samples", "order", "run_checks", "outcome", "error", "log_tail",
                "started_at", "ended_at", "verdict", "ci", "p", "source"}) {
            assertTrue(line.has(field), "missing " + field);
        }
        assertEquals(9, line.path("run").asInt());
        assertEquals("exp-0007", line.path("experiment").asText());
        assertEquals(8.95, line.path("metrics").path("time_s").asDouble());
        assertEquals("keep", line.path("verdict").path("decision").asText());
        assertEquals(0.07, line.path("ci").get(0).asDouble(), 1e-9);
        assertEquals(0.15, line.path("ci").get(1).asDouble(), 1e-9);
        assertEquals(0.0012, line.path("p").asDouble());
    }

    @Test
    void aPValueThatIsNotANumberIsWrittenAsNull() {
        JsonNode line = JournalCodec.toJson(JournalSamples.screenedWithoutTest());
        assertTrue(line.path("p").isNull());
        assertTrue(line.path("verdict").path("p").isNull());
    }

    @Test
    void emptyOptionalsAreAbsentOrNullAndARunWithoutMetricHasEmptyMetrics() {
        JsonNode line = JournalCodec.toJson(JournalSamples.crashed());
        assertTrue(line.path("metric").isNull());
        assertEquals(0, line.path("metrics").size());
        assertFalse(line.has("verdict"));
        assertFalse(JournalCodec.toJson(JournalSamples.baseline()).has("candidate"));
    }

    @Test
    void fieldsItDoesNotKnowAreIgnoredOnRead() {
        ObjectNode line = JournalCodec.toJson(JournalSamples.kept(), "time_s");
        line.put("segment", 3).putObject("future").put("x", 1);
        assertEquals(JournalSamples.kept(), JournalCodec.fromJson(line));
    }

    @Test
    void aRunLineWithoutItsExperimentIsRefusedNamingTheField() {
        ObjectNode line = JournalCodec.toJson(JournalSamples.kept(), "time_s");
        line.remove("experiment");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JournalCodec.fromJson(line));
        assertTrue(error.getMessage().contains("'experiment'"), error.getMessage());
    }

    @Test
    void theHeaderIsPiAutoresearchsConfigLineAndRoundTrips() {
        JournalHeader header = new JournalHeader("demo ✓", "time_s", "s", Direction.HIGHER, "autoresearch/x", 42);
        ObjectNode line = JournalCodec.toJson(header);
        assertEquals("config", line.path("type").asText());
        assertEquals("higher", line.path("bestDirection").asText());
        assertEquals(Optional.of(header), JournalCodec.header(line));
        assertEquals(Optional.empty(), JournalCodec.header(JournalCodec.toJson(JournalSamples.rejected())));
        line.put("bestDirection", "sideways");
        assertThrows(IllegalArgumentException.class, () -> JournalCodec.header(line));
    }
}
