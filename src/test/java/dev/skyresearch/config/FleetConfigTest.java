package dev.skyresearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetConfigTest {
    @TempDir
    Path directory;

    private Config load(String yaml) throws IOException {
        Path file = directory.resolve("skyresearch.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of(), Map.of());
    }

    @Test
    void theSkyFleetTakesSkyPilotResourcesInTheUsersOrderWithShortNamesTranslated() throws IOException {
        Config config = load("""
                metric: {name: time_s}
                bench: {script: bench.sh}
                fleet:
                  backend: sky
                  size: 8
                  infra: aws
                  resources: {cpus: 4+, memory: 16+, spot: true, any_of: [{infra: aws}, {infra: gcp, image: ubuntu}]}
                  setup: pip install numpy
                  envs: {OMP_NUM_THREADS: 1}
                  autostop: 45m
                  hourly_usd: 0.19
                stop: {max_usd: 50}
                """);
        Config.Sky sky = config.fleet().sky();
        assertEquals("sky", config.fleet().backend());
        assertEquals(List.of("cpus", "memory", "use_spot", "any_of", "infra"), List.copyOf(sky.resources().keySet()));
        assertEquals(true, sky.resources().get("use_spot"));
        assertEquals(List.of(Map.of("infra", "aws"), Map.of("infra", "gcp", "image_id", "ubuntu")),
                sky.resources().get("any_of"));
        assertEquals("aws", sky.resources().get("infra"));
        assertEquals(Map.of("OMP_NUM_THREADS", "1"), sky.envs());
        assertEquals(Duration.ofMinutes(45), sky.autostop());
        assertEquals(0.19, sky.hourlyUsd());
        assertEquals(50.0, config.stop().maxUsd());
        assertEquals("sr", sky.prefix());
        assertTrue(config.toPolicy().replacesMachines(), "sky replaces quarantined clusters");
    }

    @Test
    void defaultsKeepAForgottenFleetCheap() throws IOException {
        Config.Sky sky = load("metric: {name: t}\nbench: {script: b.sh}\nfleet: {backend: sky}\n").fleet().sky();
        assertEquals(Duration.ofMinutes(30), sky.autostop(), "a safety autostop is on unless turned off");
        assertEquals(Duration.ofSeconds(5), sky.poll());
        assertTrue(Double.isNaN(sky.hourlyUsd()));
        assertEquals(Duration.ZERO, load("metric: {name: t}\nbench: {script: b.sh}\nfleet: {autostop: off}\n")
                .fleet().sky().autostop());
    }
}
