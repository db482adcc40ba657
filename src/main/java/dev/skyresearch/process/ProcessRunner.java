package dev.skyresearch.process;

import java.io.IOException;

/** Starts external processes. The only way the program runs one, so tests can substitute it. */
public interface ProcessRunner {
    RunningProcess start(ProcessSpec spec) throws IOException;

    default ProcessResult run(ProcessSpec spec) throws IOException, InterruptedException {
        return start(spec).await();
    }
}
