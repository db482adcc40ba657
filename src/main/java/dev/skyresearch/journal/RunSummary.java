package dev.skyresearch.journal;

import dev.skyresearch.engine.Direction;
import java.util.Optional;

/** What the summary documents say at the top: the target, the metric, and baseline against best. */
public record RunSummary(String target, String branch, String metricName, String unit, Direction direction,
                         Optional<Double> baseline, Optional<Double> best) {
}
