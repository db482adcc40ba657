package dev.skyresearch.cli;

/** Bad input the user can fix: printed as one line, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
