package dev.skyresearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --repo option every command shares: the target repository, the current directory by default. */
public final class RepoOption {
    @Option(names = "--repo", paramLabel = "DIR", description = "The target git repository (default: the current directory).")
    Path repo = Path.of(".");

    public Path root() {
        return repo.toAbsolutePath().normalize();
    }
}
