package dev.skyresearch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces the import rules of docs/ARCHITECTURE.md by scanning every main source file's imports. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/skyresearch");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final String OWN = "dev.skyresearch.";

    /** For each package: the prefixes it may import besides java.* and itself. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "stats", List.of(),
            "engine", List.of(OWN + "stats."),
            "process", List.of(),
            "workspace", List.of(OWN + "engine.", "org.eclipse.jgit."),
            "journal", List.of(OWN + "engine.", "com.fasterxml.jackson."),
            "config", List.of(OWN + "engine.", "com.fasterxml.jackson."),
            "backend", List.of(OWN + "engine.", OWN + "process.", OWN + "workspace.", OWN + "backend.",
                    "com.fasterxml.jackson.", "io.smallrye.faulttolerance.", "org.eclipse.microprofile.faulttolerance."),
            "runner", List.of(OWN + "engine.", OWN + "stats.", OWN + "process.", OWN + "workspace.", OWN + "journal.",
                    OWN + "config.", OWN + "backend.", "com.fasterxml.jackson."));

    @Test
    void everyImportFollowsTheLayerRules() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String layer = SOURCES.relativize(file).getName(0).toString();
                List<String> allowed = ALLOWED.get(layer);
                if (allowed == null) {
                    continue;
                }
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    String imported = matcher.group(1);
                    if (!permitted(imported, layer, allowed)) {
                        violations.add(SOURCES.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "see docs/ARCHITECTURE.md");
    }

    @Test
    void theRulesCoverEveryLayerThatHasCode() throws IOException {
        try (Stream<Path> layers = Files.list(SOURCES)) {
            List<String> unruled = layers.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !ALLOWED.containsKey(name) && !Set.of("cli", "tui").contains(name)).toList();
            assertTrue(unruled.isEmpty(), "packages without an import rule: " + unruled);
        }
    }

    private static boolean permitted(String imported, String layer, List<String> allowed) {
        return imported.startsWith("java.") || imported.startsWith(OWN + layer + ".")
                || allowed.stream().anyMatch(imported::startsWith);
    }
}
