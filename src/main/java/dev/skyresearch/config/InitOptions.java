package dev.skyresearch.config;

import dev.skyresearch.engine.Direction;

/** What `init` is told: the metric for new files, and whether to rewrite files it generated before. */
public record InitOptions(String metricName, Direction direction, String unit, boolean force) {
}
