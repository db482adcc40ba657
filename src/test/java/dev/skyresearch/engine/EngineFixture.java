package dev.skyresearch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Builds engines, candidates and measured outcomes for engine tests; time is whatever the test says. */
final class EngineFixture {
    static final String BEST = "b0".repeat(20);
    final Engine engine;
    long now = 1_000_000;

    EngineFixture(Policy policy) {
        engine = new Engine(policy, BEST, now);
    }

    EngineFixture() {
        this(Policy.defaults(Direction.LOWER));
    }

    static Candidate candidate(String id, int priority, String base) {
        return new Candidate(new CandidateId(id), "cc" + id, base, "change " + id, "test", priority, "w-1",
                "hash-" + id, List.of("src/a.c"), 1_000);
    }

    List<Action> machines(int count) {
        List<Action> actions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            actions.addAll(engine.on(new EngineEvent.MachineReady(new MachineId("local-" + i), now)));
        }
        return actions;
    }

    List<Action> submit(String id, int priority) {
        return engine.on(new EngineEvent.CandidateSubmitted(candidate(id, priority, engine.best())));
    }

    List<Action> finishBaseline(Experiment experiment, double value) {
        return engine.on(new EngineEvent.ExperimentFinished(experiment, new ExperimentOutcome(OutcomeStatus.DONE,
                List.of(), List.of(value, value, value), Fingerprint.UNKNOWN, "", List.of(), now, ++now)));
    }

    /** Finishes a paired job whose candidate costs {@code ratio} times the best, with a little alternating noise. */
    List<Action> finishPaired(Experiment experiment, double ratio) {
        List<PairSample> pairs = new ArrayList<>();
        for (int i = 1; i <= experiment.pairs(); i++) {
            double wobble = 1 + ((i * 7919) % 11 - 5) * 0.001;
            pairs.add(new PairSample(i, 100.0, 100.0 * ratio * wobble, i % 2 == 0));
        }
        return finish(experiment, OutcomeStatus.DONE, pairs, "");
    }

    List<Action> finish(Experiment experiment, OutcomeStatus status, List<PairSample> pairs, String error) {
        return engine.on(new EngineEvent.ExperimentFinished(experiment, new ExperimentOutcome(status, pairs,
                List.of(), new Fingerprint("Test CPU", 2, "8Gi", "", ""), error, List.of("last line"), now, ++now)));
    }

    static List<Experiment> dispatched(List<Action> actions) {
        return actions.stream().filter(Action.Dispatch.class::isInstance)
                .map(action -> ((Action.Dispatch) action).experiment()).toList();
    }

    static Experiment onlyDispatch(List<Action> actions) {
        List<Experiment> experiments = dispatched(actions);
        if (experiments.size() != 1) {
            throw new AssertionError("expected one dispatch, got " + experiments + " in " + actions);
        }
        return experiments.get(0);
    }

    static <T extends Action> List<T> of(List<Action> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<JournalEntry> records(List<Action> actions) {
        return of(actions, Action.Record.class).stream().map(Action.Record::entry).toList();
    }

    Optional<EngineSnapshot.CandidateView> view(String id) {
        Predicate<EngineSnapshot.CandidateView> match = view -> view.id().value().equals(id);
        return engine.snapshot().candidates().stream().filter(match).findFirst();
    }

    CandidateStatus status(String id) {
        return view(id).orElseThrow().status();
    }
}
