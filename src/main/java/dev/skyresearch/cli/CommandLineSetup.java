package dev.skyresearch.cli;

import dev.skyresearch.config.ConfigException;
import dev.skyresearch.runner.InvalidInputException;
import dev.skyresearch.workspace.WorkspaceException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import picocli.CommandLine;

/**
 * Turns exceptions into the command line's contract: a user's mistake is one line on stderr and exit 2;
 * anything else is one line, exit 1, and the stack trace goes to the log file, never the terminal.
 */
@ApplicationScoped
class CommandLineSetup {
    private static final Logger LOG = Logger.getLogger(CommandLineSetup.class);

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create()
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(CommandLineSetup::handle);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof UsageException || e instanceof ConfigException || e instanceof WorkspaceException
                || e instanceof InvalidInputException) {
            commandLine.getErr().println("skyresearch: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LOG.error("command failed", e);
        String log = ConfigProvider.getConfig().getOptionalValue("quarkus.log.file.path", String.class)
                .orElse("skyresearch.log");
        commandLine.getErr().println("skyresearch: " + describe(e) + " (details in the log: " + log + ")");
        return ExitCodes.FAILURE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
