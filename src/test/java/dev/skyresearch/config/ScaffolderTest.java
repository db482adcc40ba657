package dev.skyresearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaffolderTest {
    @TempDir
    Path root;
    private final InitOptions options = new InitOptions("time_ms", Direction.LOWER, "ms", false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Makefile | make", "CMakeLists.txt | cmake", "Cargo.toml | cargo", "pom.xml | maven", "package.json | npm",
        "go.mod | go", "README.md | none"})
    void guessesTheBuildSystem(String marker, String system) throws Exception {
        Files.writeString(root.resolve(marker), "");
        assertEquals(system, BuildGuess.of(root).system());
    }

    @Test
    void writesWhatIsMissingAndKeepsWhatTheUserHas() throws Exception {
        Files.writeString(root.resolve("autoresearch.sh"), "#!/bin/bash\necho METRIC time_ms=1\n");
        List<ScaffoldedFile> files = new Scaffolder().write(root, options);
        assertEquals(new ScaffoldedFile("autoresearch.sh", false), files.get(1));
        assertTrue(files.stream().filter(file -> !file.path().equals("autoresearch.sh")).allMatch(ScaffoldedFile::written));
        assertEquals("#!/bin/bash\necho METRIC time_ms=1\n", Files.readString(root.resolve("autoresearch.sh")));
        assertTrue(Files.isExecutable(root.resolve("autoresearch.checks.sh")));

        new Scaffolder().write(root, new InitOptions("time_ms", Direction.LOWER, "ms", true));
        assertTrue(Files.readString(root.resolve("autoresearch.sh")).contains("EDIT ME"), "--force rewrites");
    }

    @Test
    void theGeneratedFilesAreValidConfigAndBash() throws Exception {
        Files.writeString(root.resolve("Makefile"), "all:\n");
        new Scaffolder().write(root, options);
        Config config = ConfigLoader.load(root.resolve("skyresearch.yaml"), Map.of(), Map.of());
        assertEquals("time_ms", config.metric().name());
        assertEquals("make -j\"$(nproc)\"", config.build().command());
        assertEquals("autoresearch.checks.sh", config.checks().path());
        for (String script : List.of("autoresearch.sh", "autoresearch.checks.sh")) {
            Process check = new ProcessBuilder("bash", "-n", script).directory(root.toFile()).start();
            assertTrue(check.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, check.exitValue(), script + " has a bash syntax error");
        }
        assertTrue(Files.readString(root.resolve("autoresearch.checks.sh")).contains("make test"));
    }

    @Test
    void theTemplateBenchmarkFailsWithAnInstructionUntilEdited() throws Exception {
        new Scaffolder().write(root, options);
        Process bench = new ProcessBuilder("bash", "autoresearch.sh").directory(root.toFile()).redirectErrorStream(true).start();
        assertTrue(bench.waitFor(10, TimeUnit.SECONDS));
        assertEquals(1, bench.exitValue());
        assertTrue(new String(bench.getInputStream().readAllBytes()).contains("edit the benchmark command first"));
    }
}
