package dev.skyresearch.backend.sky;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the sky backend runs, from skyresearch.yaml's fleet section.
 *
 * @param prefix         cluster names are {@code <prefix>-01..N}
 * @param size           clusters wanted at once
 * @param task           what the clusters run
 * @param autostop       the safety autostop set on every cluster
 * @param poll           how often busy clusters are asked about their jobs
 * @param hourlyUsd      the price per cluster-hour when SkyPilot reports none (NaN: unknown)
 * @param command        the {@code sky} executable and leading arguments
 * @param environment    extra environment for every {@code sky} call
 * @param stateDirectory .skyresearch/ of the target repository
 */
public record SkySettings(String prefix, int size, SkyTask task, Autostop autostop, Duration poll, double hourlyUsd,
                          List<String> command, Map<String, String> environment, Path stateDirectory,
                          SkyLimits limits) {

    public SkySettings {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** The same fleet with another size: `validate` uses one cluster. */
    public SkySettings withSize(int clusters) {
        return new SkySettings(prefix, clusters, task, autostop, poll, hourlyUsd, command, environment, stateDirectory,
                limits);
    }

    /** Replacements allowed over a run: a fleet that keeps failing stops instead of launching forever. */
    int maxReplacements() {
        return Math.max(2, size);
    }

    Path skyDirectory() {
        return stateDirectory.resolve("sky");
    }
}
