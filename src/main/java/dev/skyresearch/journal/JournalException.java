package dev.skyresearch.journal;

/** A journal that cannot be read safely; the message names the file, the line and what to do. */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }
}
