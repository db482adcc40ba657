package dev.skyresearch.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The top-level `skyresearch` command; each subcommand is one verb of the command line. */
@TopCommand
@Command(name = "skyresearch", mixinStandardHelpOptions = true, version = "skyresearch 0.1.0",
        description = "Autonomous code-optimisation loops over a fleet of machines.",
        subcommands = {InitCommand.class, SubmitCommand.class, RunCommand.class, StatusCommand.class,
                ResultsCommand.class, AbCommand.class, ValidateCommand.class, FleetCommand.class, DemoCommand.class})
public class SkyresearchCommand {
}
