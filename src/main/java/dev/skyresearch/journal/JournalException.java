package dev.skyresearch.journal;

/** A journal that cannot be read safely; the message is one line naming the file, the line number and the fix. */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }
}
