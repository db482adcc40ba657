package dev.skyresearch.workspace;

/** A problem with the target repository that the user must fix; the message is one line naming what and how. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
