package dev.skyresearch.cli;

import dev.skyresearch.workspace.RepositoryInit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A tiny target whose benchmark prints a known cost with about 1% noise: src/cost holds the true value, so a
 * candidate's true effect is whatever its patch does to that number. Build and checks are real shell steps.
 */
final class SyntheticTarget {
    static final String BENCH = """
            #!/usr/bin/env bash
            set -euo pipefail
            cost=$(cat build/cost)
            # about 1% multiplicative noise around the true cost, seeded by the kernel (bash's $RANDOM is
            # seeded from the time and pid, so back-to-back runs would share their noise); mawk maps every seed of
            # 2^31 or more to one sequence, hence the modulus
            seed=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 ))
            awk -v c="$cost" -v seed="$seed" 'BEGIN {
                srand(seed)
                for (i = 0; i < 3; i++) printf "METRIC time_s=%.6f\\n", c * (0.99 + 0.02 * rand())
            }'
            """;
    static final String CHECKS = """
            #!/usr/bin/env bash
            set -euo pipefail
            grep -q '^[0-9.]*$' build/cost
            """;

    private SyntheticTarget() {
    }

    /** Creates the repository with one commit and the given true cost. */
    static Path create(Path root, String cost) throws IOException {
        write(root, "src/cost", cost + "\n", false);
        write(root, "src/notes.txt", "one\ntwo\nthree\n", false);
        write(root, "autoresearch.sh", BENCH, true);
        write(root, "autoresearch.checks.sh", CHECKS, true);
        write(root, "skyresearch.yaml", """
                metric: {name: time_s, direction: lower, unit: s}
                build: {command: "mkdir -p build && cp src/cost build/cost", timeout: 30s}
                bench: {script: autoresearch.sh, timeout: 30s}
                checks: {script: autoresearch.checks.sh, timeout: 30s}
                scope: {include: ["src/**"], protected: [autoresearch.sh, autoresearch.checks.sh, skyresearch.yaml]}
                fleet: {backend: local, size: 2}
                """, false);
        write(root, ".gitignore", "build/\n", false);
        RepositoryInit.initialCommit(root, "synthetic target", new PersonIdent("Test", "test@example.com"));
        return root;
    }

    /** A patch setting src/cost from one value to another. */
    static Path costPatch(Path directory, String name, String from, String to) throws IOException {
        return patch(directory, name, "src/cost", from, to);
    }

    static Path patch(Path directory, String name, String path, String from, String to) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, String.join("\n", "diff --git a/" + path + " b/" + path, "--- a/" + path, "+++ b/" + path,
                "@@ -1 +1 @@", "-" + from, "+" + to) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static void write(Path root, String path, String text, boolean executable) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (executable) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
