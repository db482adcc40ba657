package dev.skyresearch.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path directory;

    @Test
    void createsMissingParentsAndReplacesTheWholeFile() throws Exception {
        Path target = directory.resolve("a/b/results.tsv");
        AtomicFiles.writeString(target, "first version, longer than the second\n");
        AtomicFiles.writeString(target, "second ✓\n");
        assertEquals("second ✓\n", Files.readString(target));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        AtomicFiles.write(directory.resolve("status.json"), new byte[] {1, 2, 3});
        AtomicFiles.write(directory.resolve("status.json"), new byte[] {4});
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(directory.resolve("status.json")), files.toList());
        }
    }

    @Test
    void theTargetGetsOrdinaryPermissionsNotOwnerOnlyOnes() throws Exception {
        Path ordinary = Files.createFile(directory.resolve("ordinary"));
        Path target = directory.resolve("IMPROVEMENTS.md");
        AtomicFiles.writeString(target, "# Improvements\n");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
    }
}
