package dev.skyresearch.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.backend.CostReport;
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
    private final AtomicReference<Optional<CostReport>> latestCost = new AtomicReference<>(Optional.empty());
    private final Optional<Path> file;
    private final SnapshotJson json;

    public StatusPublisher(Optional<Path> file, SnapshotJson json) {
        this.file = file;
        this.json = json;
    }

    public void publish(EngineSnapshot snapshot, Optional<CostReport> cost) {
        EngineSnapshot previous = latest.getAndSet(snapshot);
        Optional<CostReport> costBefore = latestCost.getAndSet(cost);
        if (file.isPresent() && (!snapshot.equals(previous) || moved(costBefore, cost))) {
            try {
                ObjectNode document = json.render(snapshot, true);
                cost.ifPresent(report -> SnapshotJson.cost(document, report, snapshot));
                AtomicFiles.writeString(file.get(), document.toPrettyString() + "\n");
            } catch (IOException e) {
                // status.json is a convenience for other processes; the run goes on without it.
            }
        }
    }

    /** Spend is shown to the cent: a rewrite per cent, not per poll. */
    private static boolean moved(Optional<CostReport> before, Optional<CostReport> now) {
        return now.isPresent() && (before.isEmpty() || Math.abs(now.get().spendUsd() - before.get().spendUsd()) >= 0.01);
    }

    public Optional<EngineSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }
}
