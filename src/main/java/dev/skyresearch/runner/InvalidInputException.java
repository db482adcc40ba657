package dev.skyresearch.runner;

/** Input the user must fix (a missing patch file, a directory that is not there): one line, exit code 2. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
