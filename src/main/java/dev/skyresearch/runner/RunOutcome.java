package dev.skyresearch.runner;

import dev.skyresearch.backend.CostReport;
import dev.skyresearch.engine.EngineSnapshot;
import java.util.Optional;

/** How a run ended: the process exit code, the reason if it failed, the last snapshot and what the fleet cost. */
public record RunOutcome(int exitCode, Optional<String> failure, EngineSnapshot last, Optional<CostReport> cost) {
}
