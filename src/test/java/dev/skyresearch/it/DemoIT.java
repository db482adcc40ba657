package dev.skyresearch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `skyresearch demo` from the packaged jar: the real speed-ups are kept and nothing else is. */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path directory;

    @Test
    void theDemoKeepsExactlyTheTwoRealSpeedUps() throws Exception {
        PackagedCli.Result result = PackagedCli.run(directory.resolve("logs"), Duration.ofMinutes(5),
                "demo", "--no-tui", "--json", "--dir", directory.resolve("target").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        List<JsonNode> events = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            events.add(JSON.readTree(line));
        }
        JsonNode summary = events.stream().filter(e -> e.path("event").asText().equals("summary")).findFirst().orElseThrow();
        assertEquals(2, summary.path("kept").asInt(), result.stdout());
        assertEquals(3, summary.path("discarded").asInt(), result.stdout());
        assertEquals(1, summary.path("checks_failed").asInt(), result.stdout());
        assertEquals(1, summary.path("rejected").asInt(), result.stdout());
        List<String> kept = events.stream().filter(e -> e.path("event").asText().equals("kept_change"))
                .map(e -> e.path("text").asText()).toList();
        assertTrue(kept.stream().anyMatch(text -> text.contains("Interchange loops")), kept.toString());
        assertTrue(kept.stream().anyMatch(text -> text.contains("checksum weights")), kept.toString());
        System.out.printf("demo wall time: %.1f s%n", result.elapsed().toMillis() / 1000.0);
    }
}
