package dev.skyresearch.cli;

import dev.skyresearch.backend.PhaseTimes;
import dev.skyresearch.backend.sky.SkySettings;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.runner.JobSettings;
import dev.skyresearch.runner.ValidateSession;
import dev.skyresearch.runner.SingleJob;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `skyresearch validate`: one build, benchmark and checks run of the best on a local slot or one sky cluster, exactly as a run would
 * do it, with each phase's time, the samples' noise, and the metric cross-checked against the clock.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Build, benchmark and check the best once; cross-check the METRIC against the wall time.")
class ValidateCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Option(names = "--backend", paramLabel = "local|sky", defaultValue = "local",
            description = "Where to validate: a local slot (default), or one cluster of the sky fleet.")
    String backend;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Target target = Target.open(repo, Map.of())) {
            Optional<SkySettings> sky = switch (backend) {
                case "local" -> Optional.empty();
                case "sky" -> Optional.of(JobSettings.sky(target.config(), target.files().state()));
                default -> throw new UsageException("--backend must be local or sky, got '" + backend + "'");
            };
            ValidateSession.Result result = new ValidateSession(new SingleJob(target.files(), target.repository(),
                    new RealProcessRunner(), InstantSource.system(), sky), target.config()).run(target.best());
            PrintWriter out = spec.commandLine().getOut();
            for (PhaseTimes.Phase phase : result.phases()) {
                out.printf("%-9s %8.2f s  exit %d%n", phase.name(), phase.millis() / 1000.0, phase.exitCode());
            }
            Optional<String> problem = ValidateReport.problem(result);
            if (problem.isPresent()) {
                spec.commandLine().getErr().println("skyresearch: " + problem.get());
                return result.outcome().error().startsWith("benchmark printed no") ? ExitCodes.USAGE : ExitCodes.FAILURE;
            }
            out.println(ValidateReport.summary(result, target.config().metric().name(), target.config().metric().unit()));
            ValidateReport.clockCheck(result, target.config().metric().name(), target.config().metric().unit())
                    .ifPresent(warning -> out.println("warning: " + warning));
            out.println("ok: " + target.config().bench().path() + " prints METRIC " + target.config().metric().name()
                    + " and the checks pass; ready for 'skyresearch run'");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
