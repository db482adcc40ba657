package dev.skyresearch.testing;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * A backend whose jobs finish the moment they are launched, with values from a cost function of the commit:
 * the runner under test never waits. Records every launch.
 */
public final class FakeBackend implements Backend {
    public final List<Experiment> launched = new CopyOnWriteArrayList<>();
    public final List<MachineId> retired = new CopyOnWriteArrayList<>();
    private final int machines;
    private final ToDoubleFunction<String> cost;
    private Consumer<EngineEvent> events;
    private long now;

    public FakeBackend(int machines, ToDoubleFunction<String> cost) {
        this.machines = machines;
        this.cost = cost;
    }

    @Override
    public void start(Consumer<EngineEvent> events) {
        this.events = events;
        for (int i = 1; i <= machines; i++) {
            events.accept(new EngineEvent.MachineReady(new MachineId("fake-" + i), now));
        }
    }

    @Override
    public void launch(Experiment experiment) {
        launched.add(experiment);
        double best = cost.applyAsDouble(experiment.bestCommit());
        List<PairSample> pairs = new ArrayList<>();
        for (int round = 1; round <= experiment.pairs(); round++) {
            double wobble = 1 + ((round * 7) % 5 - 2) * 0.001;
            double candidate = cost.applyAsDouble(experiment.candidateCommit().orElseThrow()) * wobble;
            pairs.add(new PairSample(round, best, candidate, experiment.order().charAt(2 * round - 2) == 'A'));
        }
        List<Double> samples = experiment.paired() ? List.of() : List.of(best, best, best);
        events.accept(new EngineEvent.ExperimentFinished(experiment, new ExperimentOutcome(OutcomeStatus.DONE, pairs,
                samples, new Fingerprint("Fake CPU", 1, "", "", ""), "", List.of(), now, ++now)));
    }

    @Override
    public void cancel(ExperimentId experiment) {
    }

    @Override
    public void stopEarly(ExperimentId experiment, String reason) {
    }

    @Override
    public void retire(MachineId machine, String reason) {
        retired.add(machine);
    }

    @Override
    public void close() {
    }
}
