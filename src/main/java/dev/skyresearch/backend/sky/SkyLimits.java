package dev.skyresearch.backend.sky;

import java.time.Duration;

/**
 * Time limits and retries for {@code sky} calls. Each call has its own process timeout by kind (a query, reading a
 * job's log, submitting a job with its workdir sync, launching a cluster). Transient failures are retried at most
 * {@code maxRetries} times with exponential backoff from {@code firstDelay} up to {@code maxDelay}, each pause moved
 * by up to {@code jitter} so a fleet's retries do not arrive together. A job still PENDING after
 * {@code stuckPending} on a cluster that runs nothing else means the cluster is broken (skypilot #7990).
 */
public record SkyLimits(int maxRetries, Duration firstDelay, Duration maxDelay, Duration jitter,
                        Duration query, Duration logs, Duration submit, Duration launch, Duration stuckPending) {

    /** For real clouds: a capacity error or an API server restart is usually over within a few minutes. */
    public static final SkyLimits DEFAULT = new SkyLimits(6, Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofMinutes(10));

    /** The longest any single call may take: the guards' timeout sits just above it. */
    Duration slowestCall() {
        return launch.compareTo(submit) > 0 ? launch : submit;
    }
}
