package dev.skyresearch.backend.sky;

import dev.skyresearch.process.ProcessResult;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.process.ProcessSpec;
import dev.skyresearch.process.RunningProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one {@code sky} command: argv only (descriptions and paths never pass through a shell), stdin closed,
 * UTF-8, no colours asked for, killed at its timeout. A non-zero exit becomes a {@link SkyFailure} classified from
 * the exception line; callers that read job-status exit codes (100-103) use {@link #run} instead.
 */
final class SkyCli {
    /** A ceiling on the lines kept from one call: a job's log is read whole, a runaway one is not. */
    private static final int MAX_LINES = 100_000;
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PYTHONIOENCODING", "utf-8",
            "LC_ALL", "C.UTF-8",
            "SKYPILOT_DISABLE_USAGE_COLLECTION", "1",
            "SKYPILOT_DEBUG", "0",
            "NO_COLOR", "1");
    private final List<String> executable;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final ProcessRunner processes;
    private final Consumer<String> trace;

    /**
     * @param executable the {@code sky} command (usually just "sky", found on PATH)
     * @param extraEnvironment added to every call (tests point the double at its state folder this way)
     * @param trace told every command line before it runs (the sky log in .skyresearch/)
     */
    SkyCli(List<String> executable, Map<String, String> extraEnvironment, Path workingDirectory,
           ProcessRunner processes, Consumer<String> trace) {
        this.executable = List.copyOf(executable);
        Map<String, String> env = new java.util.HashMap<>(ENVIRONMENT);
        env.putAll(extraEnvironment);
        this.environment = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.processes = processes;
        this.trace = trace;
    }

    /** Runs a command; any exit code is returned. A timeout or a process that cannot start is transient. */
    SkyResult run(List<String> args, Duration timeout) {
        List<String> argv = new ArrayList<>(executable);
        argv.addAll(args);
        String shown = SkyCommands.shown(args);
        trace.accept(shown);
        List<String> lines = new ArrayList<>();
        Consumer<String> collect = line -> {
            synchronized (lines) {
                if (lines.size() < MAX_LINES) {
                    lines.add(SkyText.clean(line));
                }
            }
        };
        RunningProcess process;
        try {
            process = processes.start(new ProcessSpec(argv, workingDirectory, environment, timeout, Optional.empty(),
                    collect));
        } catch (IOException e) {
            throw new SkyFailure.Transient(shown + ": cannot start: " + e.getMessage());
        }
        ProcessResult result;
        try {
            result = process.await();
        } catch (InterruptedException e) {
            // The guard's own timeout interrupted us: the child must not outlive the call.
            process.kill();
            Thread.currentThread().interrupt();
            throw new SkyFailure.Transient(shown + ": interrupted");
        }
        if (result.timedOut()) {
            throw new SkyFailure.Transient(shown + ": no answer within " + timeout.toSeconds() + "s (killed)");
        }
        synchronized (lines) {
            return new SkyResult(result.exitCode(), lines);
        }
    }

    /** Runs a command that must exit 0; anything else is thrown as the failure its exception line names. */
    SkyResult checked(List<String> args, Duration timeout) {
        SkyResult result = run(args, timeout);
        if (result.exitCode() != 0) {
            throw failure(args, result);
        }
        return result;
    }

    static SkyFailure failure(List<String> args, SkyResult result) {
        String command = "sky " + args.get(0);
        return SkyText.exception(result.lines())
                .map(error -> SkyFailure.of(command, error))
                .orElseGet(() -> new SkyFailure.Transient(command + ": exit " + result.exitCode()
                        + lastLine(result.lines())));
    }

    private static String lastLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return ": " + lines.get(i).strip();
            }
        }
        return "";
    }
}
