package dev.skyresearch.backend.sky;

import java.util.List;

/** How one {@code sky} call ended: its exit code and its output (stdout and stderr merged, ANSI removed). */
record SkyResult(int exitCode, List<String> lines) {
    SkyResult {
        lines = List.copyOf(lines);
    }
}
