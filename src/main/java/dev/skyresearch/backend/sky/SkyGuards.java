package dev.skyresearch.backend.sky;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The SmallRye Fault Tolerance guards around {@code sky} calls: per cluster a retry (transient failures and
 * timeouts, exponential backoff with jitter), a circuit breaker that opens when most of the cluster's recent calls
 * failed, and a timeout above the call's own process timeout (which is what kills the child). Fleet-wide calls
 * share one guard without a breaker.
 */
final class SkyGuards {
    /** A cluster whose last 10 calls failed 8 times (after retries) is not worth more calls. */
    private static final int BREAKER_WINDOW = 10;
    private static final double BREAKER_RATIO = 0.8;
    private final SkyLimits limits;
    private final Consumer<String> breakerOpened;
    private final Map<String, Guard> clusters = new ConcurrentHashMap<>();
    private final Guard fleet;

    /** @param breakerOpened told the cluster's name when its breaker opens */
    SkyGuards(SkyLimits limits, Consumer<String> breakerOpened) {
        this.limits = limits;
        this.breakerOpened = breakerOpened;
        this.fleet = base("sky fleet").build();
    }

    /** Runs a call on one cluster under its guard; rethrows the last failure unwrapped. */
    <T> T onCluster(String cluster, Class<T> type, Callable<T> call) {
        Guard guard = clusters.computeIfAbsent(cluster, name -> base("sky " + name)
                .withCircuitBreaker()
                .requestVolumeThreshold(BREAKER_WINDOW)
                .failureRatio(BREAKER_RATIO)
                .delay(limits.maxDelay().multipliedBy(5).toMillis(), ChronoUnit.MILLIS)
                .skipOn(List.of(SkyFailure.Permanent.class, SkyFailure.ClusterGone.class))
                .onStateChange(state -> {
                    if (state == CircuitBreakerState.OPEN) {
                        breakerOpened.accept(name);
                    }
                })
                .done()
                .build());
        return call(guard, type, call);
    }

    /** Runs a call that spans clusters (status, queue of many) under the fleet's guard. */
    <T> T onFleet(Class<T> type, Callable<T> call) {
        return call(fleet, type, call);
    }

    private Guard.Builder base(String description) {
        return Guard.create()
                .withDescription(description)
                .withRetry()
                .maxRetries(limits.maxRetries())
                .delay(limits.firstDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(limits.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .retryOn(List.of(SkyFailure.Transient.class, TimeoutException.class))
                .abortOn(List.of(SkyFailure.Permanent.class, SkyFailure.ClusterGone.class,
                        SkyFailure.ClusterDown.class))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(limits.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .withTimeout()
                .duration(limits.slowestCall().plusSeconds(30).toMillis(), ChronoUnit.MILLIS)
                .done();
    }

    private static <T> T call(Guard guard, Class<T> type, Callable<T> call) {
        try {
            return guard.call(call, type);
        } catch (SkyFailure e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new SkyFailure.ClusterDown("too many failed sky calls on this cluster (circuit breaker open)");
        } catch (TimeoutException e) {
            throw new SkyFailure.Transient("sky call timed out: " + e.getMessage());
        } catch (Exception e) {
            throw new SkyFailure.Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
