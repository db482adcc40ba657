package dev.skyresearch.backend.local;

import dev.skyresearch.backend.RunnerScript;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.workspace.TreeMaterializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The folders of local jobs: .skyresearch/work/&lt;experiment&gt;/{A,B} written fresh from git objects (so no
 * build output of another job survives), the runner script, and .skyresearch/logs/&lt;experiment&gt;.log.
 */
final class Workdirs {
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
        delete(root);
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

    Path log(Experiment experiment) {
        return state.resolve("logs").resolve(experiment.id() + ".log");
    }

    void remove(Experiment experiment) throws IOException {
        delete(state.resolve("work").resolve(experiment.id().toString()));
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
