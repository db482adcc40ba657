package dev.skyresearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's bundled sample target (a C matrix multiply with real hot spots) and its candidate patches,
 * read from class-path resources listed in manifests, so it works the same from a jar and a native image.
 */
final class DemoTarget {
    private static final String ROOT = "demo/";

    private DemoTarget() {
    }

    /** One bundled candidate: its patch text and what `submit` is told about it. */
    record DemoCandidate(String patchName, int priority, String source, String description, String patch) {}

    /** Writes the sample target's files into {@code directory} (scripts executable). */
    static void write(Path directory) throws IOException {
        for (String name : lines("files.txt")) {
            Path target = directory.resolve(name.equals("gitignore") ? ".gitignore" : name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, resource("target/" + name), StandardCharsets.UTF_8);
            if (name.endsWith(".sh")) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    static List<DemoCandidate> candidates() {
        List<DemoCandidate> candidates = new ArrayList<>();
        for (String line : lines("candidates.tsv")) {
            String[] fields = line.split("\t");
            candidates.add(new DemoCandidate(fields[0], Integer.parseInt(fields[1]), fields[2], fields[3],
                    resource("patches/" + fields[0])));
        }
        return candidates;
    }

    private static List<String> lines(String name) {
        return resource(name).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = DemoTarget.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from this build: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
