package dev.skyresearch.runner;

import dev.skyresearch.config.Config;
import dev.skyresearch.config.ConfigException;
import dev.skyresearch.config.ProtectedHashes;
import dev.skyresearch.workspace.TargetRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The benchmark and checks must not move under a run: their hashes at the best commit must match the ones
 * recorded by `init`. A mismatch stops the run before anything is measured.
 */
final class ProtectedCheck {
    private ProtectedCheck() {
    }

    static void verify(RunFiles files, TargetRepository repository, Config config, String best) throws IOException {
        if (!Files.isRegularFile(files.protectedHashes())) {
            throw new ConfigException(files.protectedHashes() + " is missing; run 'skyresearch init' to record the "
                    + "hashes of the protected files");
        }
        Map<String, String> recorded = ProtectedHashes.fromJson(
                Files.readString(files.protectedHashes(), StandardCharsets.UTF_8));
        Map<String, String> now = ProtectedHashes.compute(List.copyOf(recorded.keySet()),
                path -> repository.readFile(best, path));
        List<String> changed = ProtectedHashes.changed(recorded, now);
        if (!changed.isEmpty()) {
            throw new ConfigException("protected files changed since init: " + String.join(", ", changed)
                    + "; a benchmark must not move under a run: restore them, or run 'skyresearch init --force' "
                    + "to accept the new versions");
        }
    }
}
