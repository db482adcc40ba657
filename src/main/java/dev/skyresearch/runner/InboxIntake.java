package dev.skyresearch.runner;

import dev.skyresearch.engine.EngineEvent;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Takes `submit`'s files from the inbox and turns them into engine events. An accepted candidate is saved to
 * the candidate store before its inbox file goes, so a crash in between repeats the hand-over, never loses it.
 */
final class InboxIntake {
    private final CandidateStore store;
    private final InstantSource clock;

    InboxIntake(CandidateStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Feeds each inbox item to the engine (which journals it), and only then deletes its file. */
    void drain(Consumer<EngineEvent> feed) {
        for (Path file : store.inbox()) {
            InboxItem item = store.read(file);
            if (item instanceof InboxItem.Accepted accepted) {
                store.save(accepted.candidate());
                feed.accept(new EngineEvent.CandidateSubmitted(accepted.candidate()));
            } else {
                InboxItem.Rejected rejected = (InboxItem.Rejected) item;
                feed.accept(new EngineEvent.CandidateRejected(rejected.id(), rejected.description(), rejected.source(),
                        rejected.wave(), rejected.reason(), rejected.atMillis()));
            }
            store.remove(file);
        }
    }
}
