package dev.skyresearch.journal;

import dev.skyresearch.engine.Direction;
import java.util.Optional;

/**
 * What autoresearch.md says at the top: the target, the metric, and baseline against best (empty until measured).
 * Immutable; the runner builds a fresh one for each rewrite.
 */
public record RunSummary(String target, String branch, String metricName, String unit, Direction direction,
                         Optional<Double> baseline, Optional<Double> best) {
}
