package dev.skyresearch.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * What every job runs, from skyresearch.yaml: the build command, the benchmark and checks scripts
 * (paths relative to the tree) and their timeouts, and the metric the METRIC lines carry.
 * An empty {@code checksScript} means no checks.
 */
public record RunnerSettings(
        String metricName,
        String buildCommand,
        Duration buildTimeout,
        String benchScript,
        Duration benchTimeout,
        String checksScript,
        Duration checksTimeout) {

    public RunnerSettings {
        Objects.requireNonNull(metricName, "metricName");
        buildCommand = buildCommand == null ? "" : buildCommand;
        Objects.requireNonNull(benchScript, "benchScript");
        checksScript = checksScript == null ? "" : checksScript;
    }

    /** An upper bound on a whole job, so a hung runner is killed even if a phase timeout fails to fire. */
    public Duration jobTimeout(int benchInvocations) {
        return buildTimeout.multipliedBy(2)
                .plus(checksTimeout)
                .plus(benchTimeout.multipliedBy(Math.max(1, benchInvocations)))
                .plus(Duration.ofMinutes(1));
    }
}
