package dev.skyresearch.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A change's identity: per changed path, its added and removed lines with no context, line numbers or
 * trailing blanks. The same change gives the same hash as a patch or a directory, with any context width.
 */
public final class NormalisedDiff {
    private NormalisedDiff() {
    }

    /** The changed paths and the hash of the change between two trees. */
    record Change(List<String> paths, String hash) {}

    static Change between(Repository repository, ObjectId before, ObjectId after) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> paths = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        try (DiffFormatter formatter = new DiffFormatter(buffer)) {
            formatter.setRepository(repository);
            formatter.setContext(0);
            formatter.setDetectRenames(false);
            List<DiffEntry> entries = new ArrayList<>(formatter.scan(before, after));
            entries.sort(Comparator.comparing(NormalisedDiff::path));
            for (DiffEntry entry : entries) {
                paths.add(path(entry));
                buffer.reset();
                formatter.format(entry);
                normal.append("path ").append(path(entry)).append('\n');
                for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
                    if (isChangeLine(line)) {
                        normal.append(line.stripTrailing()).append('\n');
                    }
                }
            }
        }
        return new Change(paths, sha256(normal.toString()));
    }

    private static boolean isChangeLine(String line) {
        boolean header = line.startsWith("+++") || line.startsWith("---");
        return !header && (line.startsWith("+") || line.startsWith("-") || line.startsWith("Binary"));
    }

    static String path(DiffEntry entry) {
        return entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
    }

    /** Hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
