package dev.skyresearch.workspace;

/** A submitted "patch" that is not a unified diff at all: bad input, not a rejected candidate. */
public final class NotADiffException extends WorkspaceException {
    public NotADiffException(String message) {
        super(message);
    }
}
