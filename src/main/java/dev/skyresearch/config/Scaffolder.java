package dev.skyresearch.config;

import dev.skyresearch.engine.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the files `init` scaffolds from templates, guessing build and test commands from the repository.
 * Existing files are kept (a user coming from SkyPilot's example already has the scripts) unless forced.
 */
public final class Scaffolder {
    private static final List<String> FILES = List.of("skyresearch.yaml", "autoresearch.sh", "autoresearch.checks.sh",
            "autoresearch.md", "autoresearch.ideas.md");

    public List<ScaffoldedFile> write(Path root, InitOptions options) throws IOException {
        BuildGuess guess = BuildGuess.of(root);
        Map<String, String> values = Map.of(
                "metric", options.metricName(),
                "direction", options.direction() == Direction.LOWER ? "lower" : "higher",
                "unit", options.unit(),
                "divisor", divisor(options.unit()),
                "system", guess.system(),
                "build", guess.build().replace("\"", "\\\""),
                "test", guess.test().isEmpty() ? "# No test command was detected: add the project's tests here.\ntrue"
                        : guess.test());
        List<ScaffoldedFile> written = new ArrayList<>();
        for (String name : FILES) {
            Path file = root.resolve(name);
            boolean write = options.force() || !Files.exists(file);
            if (write) {
                atomicWrite(file, render(template(name), values), name.endsWith(".sh"));
            }
            written.add(new ScaffoldedFile(name, write));
        }
        return written;
    }

    /** Nanoseconds to the metric's unit, for the timing template. */
    private static String divisor(String unit) {
        return switch (unit) {
            case "ms" -> "1e6";
            case "us" -> "1e3";
            case "ns" -> "1";
            default -> "1e9";
        };
    }

    static String render(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    private static String template(String name) {
        String resource = "templates/" + name + ".tmpl";
        try (InputStream in = Scaffolder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template missing from this build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void atomicWrite(Path file, String text, boolean executable) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
