package dev.skyresearch.cli;

import dev.skyresearch.backend.sky.SkyFleet;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.runner.JobSettings;
import dev.skyresearch.runner.RunLock;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `skyresearch fleet ls | stop NAME | replace NAME | down --all`: the sky clusters this repository uses. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "List, stop, replace or tear down the sky clusters this repository uses.",
        subcommands = {FleetCommand.Ls.class, FleetCommand.Stop.class, FleetCommand.Replace.class,
                FleetCommand.Down.class})
class FleetCommand {

    /** Opens the fleet of the repository, refusing a config whose backend is not sky. */
    static <T> T withFleet(RepoOption repo, CommandSpec spec, FleetAction<T> action) throws Exception {
        try (Target target = Target.open(repo, Map.of())) {
            if (!target.config().fleet().backend().equals("sky")) {
                throw new UsageException(target.config().file().getFileName() + " has fleet.backend "
                        + target.config().fleet().backend() + "; fleet commands manage sky clusters (set fleet.backend: sky)");
            }
            SkyFleet fleet = new SkyFleet(JobSettings.sky(target.config(), target.files().state()),
                    new RealProcessRunner());
            boolean runActive = RunLock.held(target.files().runLock());
            try {
                return action.apply(fleet, spec.commandLine().getOut(), runActive);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    interface FleetAction<T> {
        T apply(SkyFleet fleet, PrintWriter out, boolean runActive) throws Exception;
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "The fleet's clusters and their state.")
    static class Ls implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withFleet(repo, spec, (fleet, out, runActive) -> {
                List<SkyFleet.Row> rows = fleet.list();
                if (rows.isEmpty()) {
                    out.println("no clusters yet: 'skyresearch run' launches them");
                } else {
                    out.printf("%-12s %-8s %-12s %-9s %-9s %s%n", "NAME", "ROLE", "STATUS", "$/HOUR", "AUTOSTOP",
                            "HARDWARE");
                    for (SkyFleet.Row row : rows) {
                        out.printf("%-12s %-8s %-12s %-9s %-9s %s%n", row.name(), row.role(), row.status(),
                                Double.isNaN(row.hourlyUsd()) ? "-" : String.format("%.3f", row.hourlyUsd()),
                                row.autostopMinutes() < 0 ? "-" : row.autostopMinutes() + "m", row.fingerprint());
                    }
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    /** A subcommand that acts on one named cluster and says what it did. */
    abstract static class OneCluster implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        abstract String act(SkyFleet fleet, boolean runActive);

        @Override
        public Integer call() throws Exception {
            return withFleet(repo, spec, (fleet, out, runActive) -> {
                out.println(act(fleet, runActive));
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one cluster (disks are kept).")
    static class Stop extends OneCluster {
        @Override
        String act(SkyFleet fleet, boolean runActive) {
            fleet.stop(name);
            return "stopped " + name;
        }
    }

    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Stop one cluster and bring up a fresh one under the next free name.")
    static class Replace extends OneCluster {
        @Override
        String act(SkyFleet fleet, boolean runActive) {
            fleet.replace(name, runActive);
            return runActive ? "asked the running loop to replace " + name
                    : "stopped and retired " + name + "; the next run launches its successor";
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Tear down every cluster of this repository's fleet (their disks are deleted).")
    static class Down implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Option(names = "--all", required = true, description = "Required: every cluster of the fleet goes.")
        boolean all;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withFleet(repo, spec, (fleet, out, runActive) -> {
                if (runActive) {
                    throw new UsageException("a run is using the fleet; stop it before tearing the fleet down");
                }
                List<String> down = fleet.downAll();
                out.println(down.isEmpty() ? "nothing to tear down" : "tore down " + String.join(", ", down));
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
