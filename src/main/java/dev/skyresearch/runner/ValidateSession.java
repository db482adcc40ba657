package dev.skyresearch.runner;

import dev.skyresearch.backend.PhaseTimes;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.config.Config;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * `skyresearch validate`: builds, benchmarks and checks the best once on one local slot, exactly as a run would,
 * and returns what happened with each phase's time, so the scripts can be trusted before a loop starts.
 */
public final class ValidateSession {
    private static final ExperimentId ID = new ExperimentId(0);
    private final SingleJob job;
    private final Config config;

    public ValidateSession(SingleJob job, Config config) {
        this.job = job;
        this.config = config;
    }

    /** What one build, benchmark and checks run produced. */
    public record Result(ExperimentOutcome outcome, List<PhaseTimes.Phase> phases) {}

    public Result run(String best) throws IOException, InterruptedException {
        RunnerSettings settings = JobSettings.of(config);
        Experiment experiment = new Experiment(ID, ExperimentKind.BASELINE, Optional.empty(), new MachineId("local-1"),
                best, Optional.empty(), 0, "", true, 1);
        ExperimentOutcome outcome = job.run(settings, experiment,
                "validating");
        Path log = job.files().experimentLog(ID.toString());
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return new Result(outcome, PhaseTimes.of(lines));
    }
}
