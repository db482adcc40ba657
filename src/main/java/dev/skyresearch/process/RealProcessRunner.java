package dev.skyresearch.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs processes for real. Each child starts in its own session (via {@code setsid}), so a timeout or a
 * cancel kills its whole process group: a benchmark's grandchildren die with it. Thread-safe.
 */
public final class RealProcessRunner implements ProcessRunner {
    public static final int KEPT_LINES = 400;
    private static final boolean HAS_SETSID = new File("/usr/bin/setsid").canExecute()
            || new File("/bin/setsid").canExecute();

    @Override
    public RunningProcess start(ProcessSpec spec) throws IOException {
        List<String> command = new ArrayList<>();
        if (HAS_SETSID) {
            command.add("setsid");
        }
        command.addAll(spec.argv());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(spec.environment());
        if (spec.logFile().isPresent()) {
            Files.createDirectories(spec.logFile().get().toAbsolutePath().getParent());
        }
        return new Running(builder.start(), spec);
    }

    /** One child and the thread that drains its output. */
    private static final class Running implements RunningProcess {
        private final Process process;
        private final ProcessSpec spec;
        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread reader;
        private final long startedNanos = System.nanoTime();
        private volatile boolean cancelled;

        Running(Process process, ProcessSpec spec) {
            this.process = process;
            this.spec = spec;
            this.reader = new Thread(this::drain, "process-output-" + process.pid());
            this.reader.setDaemon(true);
            this.reader.start();
        }

        @Override
        public ProcessResult await() throws InterruptedException {
            boolean finished = process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killGroup();
            }
            process.waitFor();
            reader.join(Duration.ofSeconds(5).toMillis());
            int exit = finished && !cancelled ? process.exitValue() : -1;
            synchronized (lines) {
                return new ProcessResult(exit, !finished, cancelled, List.copyOf(lines),
                        Duration.ofNanos(System.nanoTime() - startedNanos));
            }
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public void kill() {
            cancelled = true;
            killGroup();
        }

        private void killGroup() {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (HAS_SETSID) {
                try {
                    new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    // Fall through to killing the processes we can see.
                }
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        private void drain() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); BufferedWriter log = openLog()) {
                String line;
                while ((line = in.readLine()) != null) {
                    keep(line);
                    if (log != null) {
                        log.write(line);
                        log.newLine();
                        log.flush();
                    }
                    spec.onLine().accept(line);
                }
            } catch (IOException e) {
                keep("[skyresearch] output lost: " + e.getMessage());
            }
        }

        private void keep(String line) {
            synchronized (lines) {
                lines.addLast(line);
                if (lines.size() > KEPT_LINES) {
                    lines.removeFirst();
                }
            }
        }

        private BufferedWriter openLog() throws IOException {
            if (spec.logFile().isEmpty()) {
                return null;
            }
            Path file = spec.logFile().get();
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
