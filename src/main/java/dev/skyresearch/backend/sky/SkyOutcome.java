package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.RunnerOutputParser;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.OutcomeStatus;
import java.util.List;

/**
 * A finished job's outcome. The runner's markers decide (a run script can end SUCCEEDED whatever happened);
 * the job's state and why we ended it decide only what the markers cannot: a cancelled or lost job, a job we
 * stopped early or for its time limit. Pure.
 */
final class SkyOutcome {
    private SkyOutcome() {
    }

    static ExperimentOutcome of(SkyJob job, JobState state, List<String> lines, String metric, long endedAt) {
        return switch (job.ending()) {
            case CANCELLED -> ExperimentOutcome.lost("cancelled", endedAt);
            case CLUSTER_STUCK -> ExperimentOutcome.lost(job.reason(), endedAt);
            case STOPPED_EARLY -> {
                ExperimentOutcome parsed = parse(job, lines, metric, state, endedAt);
                yield new ExperimentOutcome(OutcomeStatus.DONE, RunnerOutputParser.completedPairs(lines, metric),
                        List.of(), parsed.host(), "stopped early: " + job.reason(), parsed.logTail(), job.startedAt(),
                        endedAt);
            }
            case TIMED_OUT -> {
                ExperimentOutcome parsed = parse(job, lines, metric, state, endedAt);
                yield new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), parsed.host(),
                        "timed out: " + job.reason(), parsed.logTail(), job.startedAt(), endedAt);
            }
            case NORMAL -> state == JobState.FAILED_DRIVER || state == JobState.CANCELLED
                    // The cluster killed it (restart, OOM of the driver, someone's sky cancel): measure it again.
                    ? ExperimentOutcome.lost("job " + job.id() + " ended " + state + " on " + job.cluster(), endedAt)
                    : parse(job, lines, metric, state, endedAt);
        };
    }

    private static ExperimentOutcome parse(SkyJob job, List<String> lines, String metric, JobState state, long end) {
        return RunnerOutputParser.parse(lines, job.experiment(), metric, state == JobState.SUCCEEDED ? 0 : 1, false,
                job.startedAt(), end);
    }
}
