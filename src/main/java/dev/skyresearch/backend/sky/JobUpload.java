package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.Folders;
import dev.skyresearch.backend.RunnerScript;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.workspace.TreeMaterializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a job's {@code --workdir} uploads: {@code jobs/<job>/A} and {@code B} written fresh from git objects,
 * and the runner. The job's own folder name is unique per attempt, so SkyPilot's additive rsync never mixes one
 * experiment's build output into another's. A {@code .skyignore} at the root makes SkyPilot upload everything
 * (otherwise it would apply the trees' .gitignore files).
 */
final class JobUpload {
    private final Path root;
    private final TreeMaterializer materializer;

    /** @param root where uploads are staged (.skyresearch/sky/upload) */
    JobUpload(Path root, TreeMaterializer materializer) {
        this.root = root;
        this.materializer = materializer;
    }

    /** Stages an experiment's trees; returns the folder to pass as --workdir. */
    Path stage(String jobName, Experiment experiment) throws IOException {
        Path job = prepare(jobName);
        materialize(experiment.bestCommit(), job.resolve("A"));
        Optional<String> candidate = experiment.candidateCommit();
        if (candidate.isPresent()) {
            materialize(candidate.get(), job.resolve("B"));
        }
        return root.resolve(jobName);
    }

    /** Stages a probe: only the runner, which reports the host. */
    Path stageProbe(String jobName) throws IOException {
        prepare(jobName);
        return root.resolve(jobName);
    }

    void remove(String jobName) {
        try {
            Folders.delete(root.resolve(jobName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove upload " + root.resolve(jobName), e);
        }
    }

    private Path prepare(String jobName) throws IOException {
        Path upload = root.resolve(jobName);
        Folders.delete(upload);
        Path job = upload.resolve("jobs").resolve(jobName);
        Files.createDirectories(job);
        Files.writeString(upload.resolve(".skyignore"), "# skyresearch: upload every file of this folder\n",
                StandardCharsets.UTF_8);
        Files.writeString(job.resolve(RunnerScript.FILE_NAME), RunnerScript.text(), StandardCharsets.UTF_8);
        return job;
    }

    private void materialize(String commit, Path tree) throws IOException {
        Files.createDirectories(tree);
        materializer.materialize(commit, tree);
    }
}
