package dev.skyresearch.runner;

import java.nio.file.Path;

/** One candidate to submit: a patch file or a changed copy of the tree, with what the user says about it. */
public record SubmitRequest(boolean isPatch, Path path, String description, String source, int priority) {
    public static SubmitRequest patch(Path file, String description, String source, int priority) {
        return new SubmitRequest(true, file, description, source, priority);
    }

    public static SubmitRequest directory(Path directory, String description, String source, int priority) {
        return new SubmitRequest(false, directory, description, source, priority);
    }
}
