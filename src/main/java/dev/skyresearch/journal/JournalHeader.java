package dev.skyresearch.journal;

import dev.skyresearch.engine.Direction;

/**
 * The first line of autoresearch.jsonl: pi-autoresearch's config header plus the run branch. Immutable; written
 * once, when the journal is empty.
 */
public record JournalHeader(String name, String metricName, String metricUnit, Direction direction, String branch,
                            long timestampMillis) {
}
