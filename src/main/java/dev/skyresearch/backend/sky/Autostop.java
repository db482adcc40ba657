package dev.skyresearch.backend.sky;

import java.time.Duration;
import java.util.List;

/**
 * The safety autostop every cluster gets, so a forgotten fleet stops costing money: after {@code idle} without
 * jobs the cluster stops ({@code down} tears it down instead). {@link #OFF} leaves clusters running.
 */
public record Autostop(Duration idle, boolean down) {
    public static final Autostop OFF = new Autostop(Duration.ZERO, false);

    boolean enabled() {
        return !idle.isZero();
    }

    /** Whole minutes, at least one: SkyPilot counts idleness in minutes. */
    long minutes() {
        return Math.max(1, (idle.toSeconds() + 59) / 60);
    }

    List<String> launchFlags() {
        if (!enabled()) {
            return List.of();
        }
        return down ? List.of("-i", Long.toString(minutes()), "--down") : List.of("-i", Long.toString(minutes()));
    }

    List<String> commandFlags() {
        return enabled() ? launchFlags() : List.of("--cancel");
    }
}
