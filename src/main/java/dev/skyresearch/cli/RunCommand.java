package dev.skyresearch.cli;

import dev.skyresearch.backend.sky.SkyPlan;
import dev.skyresearch.backend.sky.SkySettings;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.runner.JobSettings;
import java.io.PrintWriter;
import dev.skyresearch.runner.EngineRunner;
import dev.skyresearch.runner.RunOutcome;
import dev.skyresearch.runner.RunSession;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `skyresearch run`: the loop, until stopped, out of budget, or (with --until-empty) out of work. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Build, measure, decide and commit queued candidates on the fleet.")
class RunCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Option(names = "--no-tui", description = "Print one line per event instead of the full-screen view.")
    boolean noTui;

    @Option(names = "--json", description = "Print one JSON object per event (NDJSON).")
    boolean json;

    @Option(names = "--until-empty", description = "Exit (code 0) once nothing is queued or running.")
    boolean untilEmpty;

    @Option(names = "--slots", paramLabel = "N", description = "Local machines to run (overrides fleet.size).")
    Integer slots;

    @Option(names = "--dry-run", description = "With fleet.backend sky: write the task file and print the sky "
            + "commands the run would start with, running none of them.")
    boolean dryRun;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a configuration key, e.g. verify.min_effect=0.02.")
    List<String> settings = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = Overrides.parse(settings);
        if (slots != null) {
            overrides.put("fleet.size", slots.toString());
        }
        try (Target target = Target.open(repo, overrides)) {
            if (dryRun) {
                return dryRun(target);
            }
            return run(target, untilEmpty, json, spec);
        }
    }

    /** Runs the loop for an opened target and prints its summary; shared with `demo`. */
    static int run(Target target, boolean untilEmpty, boolean json, CommandSpec spec) throws Exception {
        InstantSource clock = InstantSource.system();
        NoticePrinter printer = new NoticePrinter(spec.commandLine().getOut(), json, clock);
        RunSession session = new RunSession(target.files(), target.repository(), target.config(), target.branch(),
                new RealProcessRunner(), clock);
        AtomicReference<EngineRunner> runner = new AtomicReference<>();
        Thread onSignal = new Thread(() -> {
            EngineRunner running = runner.get();
            if (running != null) {
                running.interrupt(Duration.ofSeconds(5));
            }
        }, "skyresearch-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        RunOutcome outcome;
        try {
            outcome = session.run(untilEmpty, printer, runner::set);
        } finally {
            removeHook(onSignal);
        }
        Summary.print(printer, target, outcome.last(), outcome.cost());
        outcome.failure().ifPresent(reason -> spec.commandLine().getErr().println("skyresearch: " + reason));
        return outcome.exitCode();
    }

    private int dryRun(Target target) {
        if (!target.config().fleet().backend().equals("sky")) {
            throw new UsageException("--dry-run prints sky commands; " + target.config().file().getFileName()
                    + " has fleet.backend " + target.config().fleet().backend() + " (set fleet.backend: sky)");
        }
        SkySettings sky = JobSettings.sky(target.config(), target.files().state());
        PrintWriter out = spec.commandLine().getOut();
        out.println("# task file: " + sky.task().userFile().orElse(sky.stateDirectory().resolve("sky/task.yaml")));
        SkyPlan.commands(sky, JobSettings.of(target.config()), target.best()).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing to undo.
        }
    }
}
