package dev.skyresearch.backend.sky;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the task file the clusters run lives: the user's own, or ours written to .skyresearch/sky/task.yaml. */
final class TaskFiles {
    private TaskFiles() {
    }

    static Path prepare(SkyTask task, Path skyDirectory) {
        if (task.userFile().isPresent()) {
            return task.userFile().get().toAbsolutePath();
        }
        Path file = skyDirectory.resolve("task.yaml").toAbsolutePath();
        try {
            Files.createDirectories(skyDirectory);
            Files.writeString(file, TaskYaml.render(task), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
