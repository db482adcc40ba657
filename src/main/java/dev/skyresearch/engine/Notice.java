package dev.skyresearch.engine;

import java.util.Map;

/**
 * A human-facing report of something the engine did, for the event log, --no-tui lines and --json events.
 * {@code kind} is a stable word (dispatched, decided, kept, rejected, crashed, halted...); fields hold the data.
 */
public record Notice(String kind, String text, Map<String, String> fields) {
    public Notice {
        fields = Map.copyOf(fields);
    }
}
