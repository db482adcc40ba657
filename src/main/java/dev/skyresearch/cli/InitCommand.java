package dev.skyresearch.cli;

import dev.skyresearch.config.ScaffoldedFile;
import dev.skyresearch.engine.Direction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `skyresearch init`: scaffolds the configuration, scripts and tracking documents that are missing (existing
 * files are kept), commits the scripts to the run branch and records the protected files' hashes.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Prepare a git repository for a run: config, scripts, tracking docs, run branch.")
class InitCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Option(names = "--tag", paramLabel = "TAG", description = "The run branch is autoresearch/TAG (default: today's date).")
    String tag;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "time_s", description = "Metric name for new files (default time_s).")
    String metric;

    @Option(names = "--direction", paramLabel = "lower|higher", defaultValue = "lower", description = "Which way is better (default lower).")
    Direction direction;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "s", description = "Unit for new files (default s).")
    String unit;

    @Option(names = "--force", description = "Rewrite the generated files, and let changed scripts replace the run branch's.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Initializer.Result result = Initializer.init(repo.root(),
                new Initializer.Options(tag, metric, direction, unit, force));
        PrintWriter out = spec.commandLine().getOut();
        for (ScaffoldedFile file : result.files()) {
            out.println((file.written() ? "wrote  " : "kept   ") + file.path());
        }
        out.println("branch " + result.branch() + " at " + result.best().substring(0, 7));
        out.println("next:  edit autoresearch.sh until it prints 'METRIC " + metric
                + "=<value>', run 'skyresearch init' again, then 'skyresearch submit' and 'skyresearch run'");
        out.flush();
        return ExitCodes.OK;
    }
}
