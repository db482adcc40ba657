package dev.skyresearch.process;

/** A started process. {@link #kill()} ends it and every process it started (its whole process group). */
public interface RunningProcess {
    /** The process id; with a session of its own it is also the process group id. */
    long pid();

    ProcessResult await() throws InterruptedException;

    void kill();
}
