package dev.skyresearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skyresearch.engine.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final String MINIMAL = "metric: {name: time_s}\nbench: {script: bench.sh}\n";
    @TempDir
    Path directory;

    private Config load(String yaml, Map<String, String> environment, Map<String, String> flags) throws Exception {
        Path file = directory.resolve("skyresearch.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, environment, flags);
    }

    @Test
    void aMinimalFileGetsEveryDefault() throws Exception {
        Config config = load(MINIMAL, Map.of(), Map.of());
        assertEquals(new Config.Metric("time_s", Direction.LOWER, ""), config.metric());
        assertEquals(new Config.Build("", Duration.ofMinutes(10)), config.build());
        assertEquals(new Config.Script("bench.sh", Duration.ofMinutes(5)), config.bench());
        assertEquals("", config.checks().path());
        assertEquals(List.of("**"), config.scope().include());
        assertEquals(List.of("bench.sh", "skyresearch.yaml"), config.scope().protectedPaths());
        assertEquals("local", config.fleet().backend());
        assertEquals(2, config.fleet().size());
        assertEquals(new Config.Verify(0.05, 0.01, 5, 15, Duration.ofMinutes(30)), config.verify());
        assertEquals(new Config.Noise(0.02, 0.05, 10, 20), config.noise());
        assertEquals(0.0304, config.toPolicy().extensionAlpha(), 0.0003);
        assertEquals(Duration.ofHours(8), config.stop().maxDuration());
    }

    @Test
    void shorthandsAndDurationsReadAsPeopleWriteThem() throws Exception {
        Config config = load("metric: {name: t, direction: higher}\nbuild: make -j4\nbench: {script: b.sh, timeout: 1h30m}\n"
                + "checks: {script: c.sh, timeout: 90}\n", Map.of(), Map.of());
        assertEquals("make -j4", config.build().command());
        assertEquals(Duration.ofMinutes(90), config.bench().timeout());
        assertEquals(Duration.ofSeconds(90), config.checks().timeout());
        assertEquals(Direction.HIGHER, config.metric().direction());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        String yaml = MINIMAL + "fleet: {size: 3}\nverify: {min_effect: 0.02}\n";
        assertEquals(3, load(yaml, Map.of(), Map.of()).fleet().size());
        assertEquals(5, load(yaml, Map.of("SKYRESEARCH_FLEET_SIZE", "5"), Map.of()).fleet().size());
        assertEquals(7, load(yaml, Map.of("SKYRESEARCH_FLEET_SIZE", "5"), Map.of("fleet.size", "7")).fleet().size());
        assertEquals(0.03, load(yaml, Map.of("SKYRESEARCH_VERIFY_MIN_EFFECT", "0.03"), Map.of()).verify().minEffect());
        assertEquals("make", load(MINIMAL, Map.of("SKYRESEARCH_BUILD", "make"), Map.of()).build().command());
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(MINIMAL + "verfy: {alpha: 0.1}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: unknown key 'verfy'; did you mean 'verify'?"),
                Arguments.of(MINIMAL + "verify: {alpah: 0.1}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: unknown key 'verify.alpah'; did you mean 'alpha'?"),
                Arguments.of(MINIMAL + "verify: {alpha: 1.5}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: verify.alpha: must be between 0 and 1, got 1.5"),
                Arguments.of("metric: {name: t, direction: down}\nbench: {script: b.sh}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:1: metric.direction: must be 'lower' or 'higher', got 'down'"),
                Arguments.of("metric: {name: t}\nbench: {script: b.sh, timeout: 5 min}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:2: bench.timeout: not a duration '5 min'; write e.g. 300s, 5m, 1h"),
                Arguments.of(MINIMAL + "fleet:\n  size: two\n", Map.of(), Map.of(),
                        "skyresearch.yaml:4: fleet.size: must be a whole number, got 'two'"),
                Arguments.of(MINIMAL + "fleet: {size: 0}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: fleet.size: must be at least 1, got 0"),
                Arguments.of("bench: {script: b.sh}\n", Map.of(), Map.of(),
                        "skyresearch.yaml: metric.name: is required; e.g. metric: {name: time_s}"),
                Arguments.of("metric: {name: t}\nbench: [b.sh]\n", Map.of(), Map.of(),
                        "skyresearch.yaml:2: bench: must be a mapping of script, timeout, got a list"),
                Arguments.of(MINIMAL + "noise: {trusted_cv: 0.05, max_cv: 0.03}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: noise.max_cv: must be at least noise.trusted_cv (0.05), got 0.03"),
                Arguments.of(MINIMAL + "agent: {command: x}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: agent: the built-in agent proposer is not in this version; submit its patches with 'skyresearch submit'; remove the key"),
                Arguments.of(MINIMAL + "fleet: {backend: cloud}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: fleet.backend: must be 'local' or 'sky', got 'cloud'"),
                Arguments.of(MINIMAL + "fleet: {backend: sky, resources: {cpu: 4+}}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: fleet.resources: unknown key 'cpu'; did you mean 'cpus'?"),
                Arguments.of(MINIMAL + "fleet: {backend: sky, task: missing.yaml}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: fleet.task: must name an existing .yaml task file, got 'missing.yaml'"),
                Arguments.of(MINIMAL + "fleet: {backend: sky, prefix: 9lives}\n", Map.of(), Map.of(),
                        "skyresearch.yaml:3: fleet.prefix: must start with a letter and hold only letters, digits and -, got '9lives'"),
                Arguments.of(MINIMAL, Map.of("SKYRESEARCH_FLEET_SIZE", "x"), Map.of(),
                        "SKYRESEARCH_FLEET_SIZE: must be a whole number, got 'x'"),
                Arguments.of(MINIMAL, Map.of(), Map.of("verify.alpha", "2"),
                        "--set verify.alpha: must be between 0 and 1, got 2.0"),
                Arguments.of(MINIMAL, Map.of(), Map.of("fleet.sise", "2"),
                        "--set fleet.sise: unknown key; did you mean 'fleet.size'?"),
                Arguments.of("metric: {name: t\nbench: [\n", Map.of(), Map.of(),
                        "skyresearch.yaml:2: malformed YAML: while parsing a flow mapping"),
                Arguments.of("- just\n- a list\n", Map.of(), Map.of(),
                        "skyresearch.yaml:1: expected a mapping of keys (metric:, bench:, ...), got array"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void everyMistakeIsOneLineNamingTheFileLineKeyAndFix(String yaml, Map<String, String> environment,
                                                         Map<String, String> flags, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> load(yaml, environment, flags));
        assertEquals(message, error.getMessage());
    }

    @Test
    void aMissingFileSaysHowToCreateIt() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(directory.resolve("skyresearch.yaml"), Map.of(), Map.of()));
        assertEquals("skyresearch.yaml: missing in " + directory.toAbsolutePath() + "; run 'skyresearch init' to create it",
                error.getMessage());
    }
}
