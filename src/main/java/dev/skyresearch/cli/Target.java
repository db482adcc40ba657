package dev.skyresearch.cli;

import dev.skyresearch.config.Config;
import dev.skyresearch.config.ConfigLoader;
import dev.skyresearch.runner.RunFiles;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An opened target: its repository, its validated configuration and its run branch. Every command that
 * works on a target starts here, so every one refuses bad input the same way. Close it when done.
 */
record Target(Path root, RunFiles files, TargetRepository repository, Config config, String branch)
        implements AutoCloseable {

    static Target open(RepoOption repo, Map<String, String> overrides) {
        Path root = repo.root();
        TargetRepository repository = TargetRepository.open(root);
        try {
            RunFiles files = new RunFiles(root);
            Config config = ConfigLoader.load(files.config(), System.getenv(), overrides);
            return new Target(root, files, repository, config, branch(files, config));
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /** The run branch's head: the current best. */
    String best() {
        return repository.branchCommit(branch).orElseThrow(() -> new UsageException(
                "run branch " + branch + " does not exist; run 'skyresearch init' first"));
    }

    static String branch(RunFiles files, Config config) {
        if (config.tag().isPresent()) {
            return "autoresearch/" + config.tag().get();
        }
        Path recorded = files.state().resolve("branch");
        if (!Files.isRegularFile(recorded)) {
            throw new UsageException("no run branch yet in " + files.root() + "; run 'skyresearch init' first");
        }
        try {
            return Files.readString(recorded, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
