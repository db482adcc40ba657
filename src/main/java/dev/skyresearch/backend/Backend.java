package dev.skyresearch.backend;

import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.MachineId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where jobs run. Methods return promptly; what happens later (a machine ready or lost, a job finished)
 * arrives on the events consumer given to {@link #start}, from any thread.
 */
public interface Backend extends AutoCloseable {
    /** Brings up the fleet; each machine reports MachineReady when it can take work. */
    void start(Consumer<EngineEvent> events);

    /** Runs one job on the machine the experiment names; that machine is free when this is called. */
    void launch(Experiment experiment);

    /** Stops a job; its ExperimentFinished still arrives, as lost. Unknown ids are ignored. */
    void cancel(ExperimentId experiment);

    /**
     * Ends a job now but keeps what it measured: its ExperimentFinished arrives as done, with the pairs completed
     * so far and the reason as its error. Unknown or finished ids are ignored.
     */
    void stopEarly(ExperimentId experiment, String reason);

    /**
     * Takes a machine out of service for good (the engine quarantined it). A backend that can bring up another
     * machine does, announcing it with MachineProvisioning and then MachineReady.
     */
    void retire(MachineId machine, String reason);

    /** What the machines have cost so far; empty when the backend cannot know (local slots). */
    default Optional<CostReport> cost() {
        return Optional.empty();
    }

    /** Stops every job and releases what the backend holds (local: processes; never user data). */
    @Override
    void close();
}
