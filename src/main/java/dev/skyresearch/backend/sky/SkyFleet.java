package dev.skyresearch.backend.sky;

import dev.skyresearch.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * `skyresearch fleet`: the clusters this repository has used (.skyresearch/sky/fleet.json) with their live state,
 * and the user's own decisions about them: stop one, replace one, tear them all down. Nothing else ever tears a
 * cluster down.
 */
public final class SkyFleet {
    private static final Logger LOG = Logger.getLogger(SkyFleet.class.getName());
    private final SkySettings settings;
    private final Sky sky;
    private final FleetFile fleet;

    public SkyFleet(SkySettings settings, ProcessRunner processes) {
        this.settings = settings;
        SkyCli cli = new SkyCli(settings.command(), settings.environment(), settings.stateDirectory(), processes,
                command -> LOG.fine(command));
        this.sky = new Sky(cli, settings.limits(), cluster -> { });
        this.fleet = new FleetFile(settings.skyDirectory().resolve("fleet.json"));
    }

    /** One cluster: our record of it and what `sky status` says now ("-" when it no longer exists). */
    public record Row(String name, String role, String status, String resources, double hourlyUsd, int autostopMinutes,
                      String fingerprint) {}

    public List<Row> list() {
        List<FleetFile.Entry> entries = fleet.read();
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, ClusterRecord> live = new LinkedHashMap<>();
        sky.status(entries.stream().map(FleetFile.Entry::name).toList())
                .forEach(record -> live.put(record.name(), record));
        List<Row> rows = new ArrayList<>();
        for (FleetFile.Entry entry : entries) {
            ClusterRecord record = live.get(entry.name());
            rows.add(new Row(entry.name(), entry.state(), record == null ? "-" : record.status(),
                    record == null ? "" : record.resources(), entry.hourlyUsd(),
                    record == null ? -1 : record.autostopMinutes(), entry.fingerprint()));
        }
        return rows;
    }

    /** Stops a cluster (disks kept; `sky start` or the next run brings it back). */
    public void stop(String name) {
        known(name);
        sky.stop(name);
    }

    /**
     * Replaces a cluster: a running loop picks the request up at its next poll (the cluster's job is re-queued, the
     * cluster stopped, a fresh one launched under the next free name); without a loop the cluster is stopped and
     * retired now, and the next run launches its successor.
     */
    public void replace(String name, boolean runActive) {
        known(name);
        if (runActive) {
            try {
                Files.createDirectories(requests());
                Files.writeString(requests().resolve("replace-" + name), name + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the replace request: " + e.getMessage(), e);
            }
            return;
        }
        sky.stop(name);
        fleet.mark(name, "retired");
    }

    /** Tears down every cluster this repository has used; returns their names. */
    public List<String> downAll() {
        List<String> down = new ArrayList<>();
        for (FleetFile.Entry entry : fleet.read()) {
            if (!entry.state().equals("down")) {
                sky.down(entry.name());
                fleet.mark(entry.name(), "down");
                down.add(entry.name());
            }
        }
        return down;
    }

    private void known(String name) {
        if (fleet.find(name).isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' is not a cluster of this repository's fleet; see "
                    + "'skyresearch fleet ls'");
        }
    }

    Path requests() {
        return settings.skyDirectory().resolve("requests");
    }
}
