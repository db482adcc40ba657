package dev.skyresearch.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One process to run: argv (never through a shell unless argv says so), where, with what extra
 * environment, for how long at most. stdout and stderr are merged; each line goes to {@code logFile}
 * (appended) and to {@code onLine}, as it arrives.
 */
public record ProcessSpec(
        List<String> argv,
        Path workingDirectory,
        Map<String, String> environment,
        Duration timeout,
        Optional<Path> logFile,
        Consumer<String> onLine) {

    public ProcessSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(logFile, "logFile");
        onLine = onLine == null ? line -> { } : onLine;
    }

    public ProcessSpec withLogFile(Path file) {
        return new ProcessSpec(argv, workingDirectory, environment, timeout, Optional.of(file), onLine);
    }

    public ProcessSpec withOnLine(Consumer<String> listener) {
        return new ProcessSpec(argv, workingDirectory, environment, timeout, logFile, listener);
    }
}
