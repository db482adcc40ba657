package dev.skyresearch.backend.local;

import dev.skyresearch.backend.Folders;
import dev.skyresearch.backend.RunnerScript;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.workspace.TreeMaterializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folders of local jobs: .skyresearch/work/&lt;experiment&gt;/{A,B} written fresh from git objects (so no
 * build output of another job survives), the runner script, and .skyresearch/logs/&lt;experiment&gt;.log.
 */
final class Workdirs {
    private static final String PID_FILE = "runner.pid";
    private final Path state;
    private final TreeMaterializer materializer;

    Workdirs(Path state, TreeMaterializer materializer) {
        this.state = state;
        this.materializer = materializer;
    }

    /** The trees a job measures and the script that measures them. */
    record Trees(Path root, Path script, Path best, Optional<Path> candidate) {}

    Trees prepare(Experiment experiment) throws IOException {
        Path root = state.resolve("work").resolve(experiment.id().toString());
        Folders.delete(root);
        Path best = root.resolve("A");
        Files.createDirectories(best);
        materializer.materialize(experiment.bestCommit(), best);
        Optional<Path> candidate = Optional.empty();
        if (experiment.candidateCommit().isPresent()) {
            Path tree = root.resolve("B");
            Files.createDirectories(tree);
            materializer.materialize(experiment.candidateCommit().get(), tree);
            candidate = Optional.of(tree);
        }
        // An id can come back after a restart (a job lost in flight was never journaled): start its log afresh.
        Files.deleteIfExists(log(experiment));
        Path script = root.resolve(RunnerScript.FILE_NAME);
        Files.writeString(script, RunnerScript.text(), StandardCharsets.UTF_8);
        return new Trees(root, script, best, candidate);
    }

    /** Notes the runner's pid in its job folder, so a later run can stop it if this process dies first. */
    void recordRunner(Experiment experiment, long pid) throws IOException {
        Files.writeString(state.resolve("work").resolve(experiment.id().toString()).resolve(PID_FILE), pid + "\n");
    }

    /**
     * Stops runners left behind by a run that was killed (they live in sessions of their own, so they outlive
     * it) and removes their folders, before any job of this run can reuse an experiment id.
     */
    void reapLeftovers() {
        Path work = state.resolve("work");
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> jobs = Files.list(work)) {
            for (Path job : jobs.toList()) {
                stopRunner(job);
                Folders.delete(job);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + work + ": " + e.getMessage(), e);
        }
    }

    private static void stopRunner(Path job) throws IOException {
        Path pidFile = job.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        String script = job.resolve(RunnerScript.FILE_NAME).toString();
        // Only a process still running this job's script is ours: a recycled pid is left alone.
        ProcessHandle.of(pid)
                .filter(process -> process.info().arguments().map(args -> List.of(args).contains(script)).orElse(false))
                .ifPresent(runner -> {
                    runner.descendants().forEach(ProcessHandle::destroyForcibly);
                    runner.destroyForcibly();
                });
    }

    Path log(Experiment experiment) {
        return state.resolve("logs").resolve(experiment.id() + ".log");
    }

    void remove(Experiment experiment) throws IOException {
        Folders.delete(state.resolve("work").resolve(experiment.id().toString()));
    }
}
