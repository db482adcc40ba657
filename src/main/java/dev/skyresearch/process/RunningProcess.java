package dev.skyresearch.process;

/** A started process. {@link #kill()} ends it and every process it started (its whole process group). */
public interface RunningProcess {
    ProcessResult await() throws InterruptedException;

    void kill();
}
