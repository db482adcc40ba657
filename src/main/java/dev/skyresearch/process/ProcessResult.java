package dev.skyresearch.process;

import java.time.Duration;
import java.util.List;

/**
 * How a process ended. {@code exitCode} is -1 when it was killed (timeout or cancel); {@code lines} holds
 * all merged output lines, or the last {@link RealProcessRunner#KEPT_LINES} when there were more.
 */
public record ProcessResult(int exitCode, boolean timedOut, boolean cancelled, List<String> lines, Duration elapsed) {
    public ProcessResult {
        lines = List.copyOf(lines);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !cancelled;
    }

    public String output() {
        return String.join("\n", lines);
    }
}
