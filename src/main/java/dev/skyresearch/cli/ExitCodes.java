package dev.skyresearch.cli;

/** The process exit codes every command uses (design.md, "Command line"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
