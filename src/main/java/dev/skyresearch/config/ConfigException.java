package dev.skyresearch.config;

/** A configuration the user must fix. The message is one line: where (file:line, variable or flag), what, how. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
