package dev.skyresearch.runner;

import dev.skyresearch.engine.EngineSnapshot;
import dev.skyresearch.journal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the latest snapshot: in memory for the TUI (latest wins, no locks) and as .skyresearch/status.json
 * for `status` in other processes. Written only when the snapshot changed.
 */
public final class StatusPublisher {
    private final AtomicReference<EngineSnapshot> latest = new AtomicReference<>();
    private final Optional<Path> file;
    private final SnapshotJson json;

    public StatusPublisher(Optional<Path> file, SnapshotJson json) {
        this.file = file;
        this.json = json;
    }

    public void publish(EngineSnapshot snapshot) {
        EngineSnapshot previous = latest.getAndSet(snapshot);
        if (file.isPresent() && !snapshot.equals(previous)) {
            try {
                AtomicFiles.writeString(file.get(), json.render(snapshot, true).toPrettyString() + "\n");
            } catch (IOException e) {
                // status.json is a convenience for other processes; the run goes on without it.
            }
        }
    }

    public Optional<EngineSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }
}
