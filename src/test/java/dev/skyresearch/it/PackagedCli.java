package dev.skyresearch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged application through bin/skyresearch as a real process, the way users and agents do. */
final class PackagedCli {
    static final Path LAUNCHER = Path.of("bin/skyresearch").toAbsolutePath();

    private PackagedCli() {
    }

    /** What a finished command printed and returned. */
    record Result(int exitCode, String stdout, String stderr, Duration elapsed) {}

    static Process start(Path logs, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve("stdout.txt").toFile())
                .redirectError(logs.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    static Result run(Path logs, Duration timeout, String... arguments) throws Exception {
        long started = System.nanoTime();
        Process process = start(logs, arguments);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("skyresearch " + String.join(" ", arguments) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(logs.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(logs.resolve("stderr.txt"), StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
