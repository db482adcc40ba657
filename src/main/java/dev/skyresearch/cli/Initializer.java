package dev.skyresearch.cli;

import dev.skyresearch.config.Config;
import dev.skyresearch.config.ConfigLoader;
import dev.skyresearch.config.InitOptions;
import dev.skyresearch.config.ProtectedHashes;
import dev.skyresearch.config.ScaffoldedFile;
import dev.skyresearch.config.Scaffolder;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.journal.AtomicFiles;
import dev.skyresearch.runner.RunFiles;
import dev.skyresearch.workspace.ScopeRules;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `init` does, shared with `demo`: scaffold what is missing, validate the configuration, put the
 * benchmark and checks scripts on the run branch (without touching the user's checkout), record the hashes
 * of the protected files, and keep .skyresearch/ out of git.
 */
final class Initializer {
    private Initializer() {
    }

    record Options(String tag, String metric, Direction direction, String unit, boolean force) {}

    record Result(String branch, String best, List<ScaffoldedFile> files) {}

    static Result init(Path root, Options options) throws IOException {
        try (TargetRepository repository = TargetRepository.open(root)) {
            RunFiles files = new RunFiles(root);
            List<ScaffoldedFile> scaffolded = new Scaffolder().write(root,
                    new InitOptions(options.metric(), options.direction(), options.unit(), options.force()));
            Config config = ConfigLoader.load(files.config(), System.getenv(), Map.of());
            String branch = "autoresearch/" + Optional.ofNullable(options.tag()).or(config::tag)
                    .orElse(LocalDate.now().toString());
            boolean measured = Files.isRegularFile(files.journal()) && Files.size(files.journal()) > 0;
            String best = branchWithScripts(repository, config, branch, measured && !options.force());
            recordProtected(files, repository, config, best);
            AtomicFiles.writeString(files.state().resolve("branch"), branch + "\n");
            excludeState(root);
            return new Result(branch, best, scaffolded);
        }
    }

    /**
     * The run branch, created at HEAD if new, with the working tree's benchmark and checks committed on it, so
     * every experiment measures with exactly those scripts. Once a run has measurements they may not change.
     */
    private static String branchWithScripts(TargetRepository repository, Config config, String branch,
                                            boolean frozen) throws IOException {
        Optional<String> existing = repository.branchCommit(branch);
        String tip = existing.orElseGet(repository::headCommit);
        if (existing.isEmpty()) {
            repository.createBranch(branch, tip);
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        Map<String, Boolean> executable = new LinkedHashMap<>();
        for (String script : List.of(config.bench().path(), config.checks().path())) {
            Path file = repository.root().resolve(script);
            if (script.isEmpty() || !Files.isRegularFile(file)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            Optional<byte[]> committed = repository.readFile(tip, script);
            if (committed.isEmpty() || !Arrays.equals(committed.get(), bytes)) {
                if (frozen) {
                    throw new UsageException(script + " differs from the run branch's copy and " + branch
                            + " already has measurements; a benchmark must not change mid-run: start a new run "
                            + "with --tag NAME, or pass --force");
                }
                changed.put(script, bytes);
                executable.put(script, Files.isExecutable(file));
            }
        }
        if (changed.isEmpty()) {
            return tip;
        }
        return repository.commitFiles(tip, changed, executable,
                "skyresearch init: the benchmark and checks scripts this run measures with", branch);
    }

    private static void recordProtected(RunFiles files, TargetRepository repository, Config config, String best)
            throws IOException {
        ScopeRules rules = new ScopeRules(config.scope().include(), config.scope().protectedPaths());
        List<String> paths = repository.files(best).stream().filter(rules::isProtected).toList();
        Map<String, String> hashes = ProtectedHashes.compute(paths, path -> repository.readFile(best, path));
        AtomicFiles.writeString(files.protectedHashes(), ProtectedHashes.toJson(hashes) + "\n");
    }

    /** .skyresearch/ holds workdirs, logs and state: never something to commit. */
    private static void excludeState(Path root) throws IOException {
        Path exclude = root.resolve(".git/info/exclude");
        if (!Files.isDirectory(root.resolve(".git"))) {
            return;
        }
        String existing = Files.isRegularFile(exclude) ? Files.readString(exclude, StandardCharsets.UTF_8) : "";
        if (!existing.lines().anyMatch(line -> line.strip().equals("/" + RunFiles.STATE_DIR + "/"))) {
            Files.createDirectories(exclude.getParent());
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            Files.writeString(exclude, existing + separator + "/" + RunFiles.STATE_DIR + "/\n", StandardCharsets.UTF_8);
        }
    }
}
