package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.CostReport;
import java.util.HashMap;
import java.util.Map;

/**
 * Money spent on clusters: each cluster costs its hourly price from the moment this run takes it until it is
 * stopped or the run ends, and each experiment costs its cluster's price for as long as it ran. Pure arithmetic
 * over the times it is told; thread-safe.
 */
final class CostLedger {
    private final Map<String, Double> prices = new HashMap<>();
    private final Map<String, Long> upSince = new HashMap<>();
    private double closedUsd;
    private double experimentsUsd;
    private int experiments;
    private boolean pricesKnown = true;

    /** A cluster starts costing money; a NaN price means SkyPilot and the config gave none. */
    synchronized void up(String cluster, double hourlyUsd, long atMillis) {
        if (upSince.containsKey(cluster)) {
            return;
        }
        if (Double.isNaN(hourlyUsd)) {
            pricesKnown = false;
        }
        prices.put(cluster, hourlyUsd);
        upSince.put(cluster, atMillis);
    }

    synchronized void down(String cluster, long atMillis) {
        Long since = upSince.remove(cluster);
        if (since != null) {
            closedUsd += cost(cluster, atMillis - since);
        }
    }

    synchronized void experiment(String cluster, long startedMillis, long endedMillis) {
        experimentsUsd += cost(cluster, Math.max(0, endedMillis - startedMillis));
        experiments++;
    }

    synchronized double hourlyPrice(String cluster) {
        return prices.getOrDefault(cluster, Double.NaN);
    }

    synchronized CostReport report(long nowMillis) {
        double open = 0;
        for (Map.Entry<String, Long> cluster : upSince.entrySet()) {
            open += cost(cluster.getKey(), Math.max(0, nowMillis - cluster.getValue()));
        }
        return new CostReport(closedUsd + open, experiments == 0 ? Double.NaN : experimentsUsd / experiments,
                experiments, pricesKnown);
    }

    private double cost(String cluster, long millis) {
        double price = prices.getOrDefault(cluster, Double.NaN);
        return Double.isNaN(price) ? 0 : price * millis / 3_600_000.0;
    }
}
