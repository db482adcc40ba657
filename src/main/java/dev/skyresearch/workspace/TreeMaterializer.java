package dev.skyresearch.workspace;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the files of a commit into an empty folder, from git objects, with executable bits and symlinks. */
@FunctionalInterface
public interface TreeMaterializer {
    void materialize(String commit, Path directory) throws IOException;
}
