package dev.skyresearch.journal;

import dev.skyresearch.engine.Direction;

/** The first line of autoresearch.jsonl: pi-autoresearch's config header plus the run branch. */
public record JournalHeader(String name, String metricName, String metricUnit, Direction direction, String branch,
                            long timestampMillis) {
}
