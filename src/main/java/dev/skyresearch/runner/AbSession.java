package dev.skyresearch.runner;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.config.Config;
import dev.skyresearch.engine.DecisionProtocol;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairOrder;
import dev.skyresearch.engine.Verdict;
import java.io.IOException;
import java.util.Optional;

/**
 * `skyresearch ab`: one interleaved A/B of a commit against the best on one local slot, judged by the same
 * protocol as a verification (one look, no extension). A measurement on demand: it decides nothing and is not
 * journaled. Refuses to run beside a loop, whose machines it would disturb.
 */
public final class AbSession {
    private static final ExperimentId ID = new ExperimentId(0);
    private final SingleJob job;
    private final Config config;

    public AbSession(SingleJob job, Config config) {
        this.job = job;
        this.config = config;
    }

    /** What the A/B measured and concluded. */
    public record Result(Experiment experiment, ExperimentOutcome outcome, Optional<Verdict> verdict) {}

    public Result run(String best, String candidate, int pairs) throws IOException, InterruptedException {
        RunnerSettings settings = JobSettings.of(config);
        Experiment experiment = new Experiment(ID, ExperimentKind.VERIFY, Optional.empty(), new MachineId("local-1"),
                best, Optional.of(candidate), pairs, PairOrder.of(ID, pairs), false, 1);
        ExperimentOutcome outcome = job.run(settings, experiment, "an A/B");
        Optional<Verdict> verdict = outcome.status() == OutcomeStatus.DONE && !outcome.pairs().isEmpty()
                ? Optional.of(new DecisionProtocol(config.toPolicy()).judgeOnce(outcome.pairs()))
                : Optional.empty();
        return new Result(experiment, outcome, verdict);
    }
}
