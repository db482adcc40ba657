package dev.skyresearch.runner;

import dev.skyresearch.journal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Numbers waves w-0001, w-0002...; the counter lives in .skyresearch/waves. Callers hold the submit lock. */
final class Waves {
    private Waves() {
    }

    static String next(RunFiles files) throws IOException {
        Path counter = files.state().resolve("waves");
        int last = Files.isRegularFile(counter)
                ? Integer.parseInt(Files.readString(counter, StandardCharsets.UTF_8).strip()) : 0;
        AtomicFiles.writeString(counter, (last + 1) + "\n");
        return String.format("w-%04d", last + 1);
    }
}
