package dev.skyresearch.runner;

import dev.skyresearch.engine.EngineSnapshot;
import java.util.Optional;

/** How a run ended: the process exit code, the reason if it failed, and the last snapshot. */
public record RunOutcome(int exitCode, Optional<String> failure, EngineSnapshot last) {
}
