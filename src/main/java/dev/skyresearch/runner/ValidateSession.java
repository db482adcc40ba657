package dev.skyresearch.runner;

import dev.skyresearch.backend.PhaseTimes;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.config.Config;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * `skyresearch validate`: builds, benchmarks and checks the best once on one local slot, exactly as a run would,
 * and returns what happened with each phase's time, so the scripts can be trusted before a loop starts.
 */
public final class ValidateSession {
    private static final ExperimentId ID = new ExperimentId(0);
    private final RunFiles files;
    private final TargetRepository repository;
    private final Config config;
    private final ProcessRunner processes;
    private final InstantSource clock;

    public ValidateSession(RunFiles files, TargetRepository repository, Config config, ProcessRunner processes,
                           InstantSource clock) {
        this.files = files;
        this.repository = repository;
        this.config = config;
        this.processes = processes;
        this.clock = clock;
    }

    /** What one build, benchmark and checks run produced. */
    public record Result(ExperimentOutcome outcome, List<PhaseTimes.Phase> phases) {}

    public Result run(String best) throws IOException, InterruptedException {
        RunnerSettings settings = new RunnerSettings(config.metric().name(), config.build().command(),
                config.build().timeout(), config.bench().path(), config.bench().timeout(), config.checks().path(),
                config.checks().timeout());
        Experiment experiment = new Experiment(ID, ExperimentKind.BASELINE, Optional.empty(), new MachineId("local-1"),
                best, Optional.empty(), 0, "", true, 1);
        ExperimentOutcome outcome = SingleJob.run(files, repository, settings, processes, clock, experiment,
                "validating");
        Path log = files.experimentLog(ID.toString());
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return new Result(outcome, PhaseTimes.of(lines));
    }
}
