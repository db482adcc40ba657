package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.RunnerOutputParser;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.MachineId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The fleet's lifecycle: clusters {@code <prefix>-01..N} launched in parallel ({@code -y -d}), an UP cluster of the
 * same name reused when its resources and hardware fingerprint match, a safety autostop on every one, and a failing
 * or quarantined cluster stopped and replaced under the next free name. Never tears a cluster down by itself.
 */
final class Provisioner {
    private static final Logger LOG = Logger.getLogger(Provisioner.class.getName());
    private final SkySettings settings;
    private final Sky sky;
    private final JobUpload uploads;
    private final Path task;
    private final FleetFile fleet;
    private final CostLedger ledger;
    private final ClusterNames names;
    private final InstantSource clock;
    private final Executor calls;
    private final Consumer<EngineEvent> events;
    private final JobCleaner cleaner;
    private final Set<String> active = new HashSet<>();
    private final Set<String> used = new HashSet<>();
    private int replacements;
    private boolean failed;

    /** Stops a cluster's unfinished jobs before it gets new work (leftovers of a killed run, an unclear submit). */
    interface JobCleaner {
        void clean(String cluster);
    }

    Provisioner(SkySettings settings, Sky sky, JobUpload uploads, Path task, FleetFile fleet, CostLedger ledger,
                InstantSource clock, Executor calls, Consumer<EngineEvent> events, JobCleaner cleaner) {
        this.settings = settings;
        this.sky = sky;
        this.uploads = uploads;
        this.task = task;
        this.fleet = fleet;
        this.ledger = ledger;
        this.names = new ClusterNames(settings.prefix());
        this.clock = clock;
        this.calls = calls;
        this.events = events;
        this.cleaner = cleaner;
    }

    /** Brings up {@code <prefix>-01..size}, all at once. */
    void startFleet() {
        List<String> wanted = new ArrayList<>();
        for (int i = 1; i <= settings.size(); i++) {
            wanted.add(names.name(i));
        }
        Map<String, ClusterRecord> existing = new LinkedHashMap<>();
        try {
            sky.status(wanted).forEach(record -> existing.put(record.name(), record));
        } catch (SkyFailure.Permanent e) {
            fleetFailed(e.getMessage());
            return;
        } catch (SkyFailure e) {
            LOG.warning("sky status failed; launching every cluster: " + e.getMessage());
        }
        synchronized (this) {
            used.addAll(wanted);
            fleet.read().forEach(entry -> used.add(entry.name()));
        }
        for (String name : wanted) {
            events.accept(new EngineEvent.MachineProvisioning(new MachineId(name), clock.millis()));
            Optional<ClusterRecord> record = Optional.ofNullable(existing.get(name));
            calls.execute(() -> bringUp(name, record));
        }
    }

    /**
     * A cluster failed for good (gone, breaker open): MachineLost re-queues its job, it is stopped and a fresh one
     * replaces it. False when the cluster was not in service (already failed or retired).
     */
    boolean failed(String cluster, String reason) {
        synchronized (this) {
            if (!active.remove(cluster)) {
                return false;
            }
        }
        events.accept(new EngineEvent.MachineLost(new MachineId(cluster), reason, clock.millis()));
        calls.execute(() -> stopAndReplace(cluster, reason));
        return true;
    }

    /** The engine quarantined a cluster: stop it (disks kept, no more cost) and launch a replacement. */
    void retire(String cluster, String reason) {
        synchronized (this) {
            active.remove(cluster);
        }
        calls.execute(() -> stopAndReplace(cluster, reason));
    }

    synchronized List<String> activeClusters() {
        return List.copyOf(active);
    }

    private void bringUp(String name, Optional<ClusterRecord> record) {
        String probe = name + "-probe-" + Long.toHexString(clock.millis());
        try {
            Optional<ClusterRecord> known = record.isPresent() ? record : sky.status(List.of(name)).stream().findFirst();
            double price;
            int jobId;
            Path upload = uploads.stageProbe(probe);
            try {
                if (known.isPresent() && known.get().up()) {
                    Optional<String> mismatch = ResourceFit.mismatch(settings.task().resources(), known.get());
                    if (mismatch.isPresent()) {
                        giveUp(name, name + " exists with other resources (" + mismatch.get() + "); leaving it alone");
                        return;
                    }
                    cleaner.clean(name);
                    jobId = sky.exec(name, task, probe, probeEnv(name, probe), upload);
                    sky.autostop(name, settings.autostop());
                    price = fleet.find(name).map(FleetFile.Entry::hourlyUsd).filter(p -> !Double.isNaN(p))
                            .orElse(settings.hourlyUsd());
                } else {
                    Sky.Launched launched = sky.launch(name, task, probe, probeEnv(name, probe), upload,
                            settings.autostop());
                    jobId = launched.jobId();
                    price = launched.hourlyPrice().orElse(settings.hourlyUsd());
                }
            } finally {
                uploads.remove(probe);
            }
            Fingerprint host = awaitProbe(name, jobId);
            Optional<FleetFile.Entry> remembered = fleet.find(name);
            if (remembered.isPresent() && !remembered.get().fingerprint().isEmpty()
                    && !remembered.get().fingerprint().equals(host.toString())) {
                giveUp(name, name + " is not the machine this repository used before (was " + remembered.get()
                        .fingerprint() + ", now " + host + ")");
                return;
            }
            fleet.put(new FleetFile.Entry(name, "active", price, host.toString(), clock.millis()));
            ledger.up(name, price, clock.millis());
            synchronized (this) {
                active.add(name);
            }
            events.accept(new EngineEvent.MachineReady(new MachineId(name), clock.millis()));
        } catch (SkyFailure.Permanent e) {
            events.accept(new EngineEvent.MachineLost(new MachineId(name), e.getMessage(), clock.millis()));
            fleetFailed(e.getMessage());
        } catch (SkyFailure | IOException e) {
            giveUp(name, "could not bring up " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the probe job (setup included) and reads the host it reported. */
    private Fingerprint awaitProbe(String name, int jobId) throws InterruptedException {
        long deadline = clock.millis() + settings.limits().launch().toMillis();
        JobState state = sky.jobState(name, jobId);
        while (!state.terminal()) {
            if (clock.millis() > deadline) {
                throw new SkyFailure.Transient("the first job on " + name + " did not finish within "
                        + settings.limits().launch().toMinutes() + " minutes");
            }
            Thread.sleep(settings.poll().toMillis());
            state = sky.jobState(name, jobId);
        }
        List<String> lines = sky.logs(name, jobId);
        if (state == JobState.FAILED_SETUP) {
            throw new SkyFailure.Permanent("fleet setup failed on " + name + lastWords(lines)
                    + " (sky logs " + name + " " + jobId + ")");
        }
        if (state != JobState.SUCCEEDED || lines.stream().noneMatch(line -> line.contains("EXPERIMENT_STATUS: done"))) {
            throw new SkyFailure.Transient("the first job on " + name + " ended " + state + lastWords(lines));
        }
        return RunnerOutputParser.host(lines);
    }

    private void stopAndReplace(String cluster, String reason) {
        try {
            sky.stop(cluster);
        } catch (SkyFailure e) {
            LOG.warning("could not stop " + cluster + ": " + e.getMessage());
        }
        ledger.down(cluster, clock.millis());
        fleet.mark(cluster, "retired");
        replace(cluster + " " + reason);
    }

    /** A name could not be used: say why, and bring up the next one instead. */
    private void giveUp(String name, String reason) {
        LOG.warning(reason);
        events.accept(new EngineEvent.MachineLost(new MachineId(name), reason, clock.millis()));
        replace(reason);
    }

    private void replace(String why) {
        String name;
        synchronized (this) {
            if (failed) {
                return;
            }
            if (replacements >= settings.maxReplacements()) {
                if (active.isEmpty()) {
                    fleetFailed("no cluster is left and " + replacements + " replacements are used up; last: " + why);
                }
                return;
            }
            replacements++;
            name = names.next(used);
            used.add(name);
        }
        events.accept(new EngineEvent.MachineProvisioning(new MachineId(name), clock.millis()));
        calls.execute(() -> bringUp(name, Optional.empty()));
    }

    private void fleetFailed(String reason) {
        synchronized (this) {
            if (failed) {
                return;
            }
            failed = true;
        }
        events.accept(new EngineEvent.FleetFailed("the sky fleet cannot run: " + reason, clock.millis()));
    }

    private static Map<String, String> probeEnv(String cluster, String job) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SR_JOB", job);
        env.put("SR_EXPERIMENT_ID", job);
        env.put("SR_MACHINE", cluster);
        env.put("SR_MODE", "probe");
        return env;
    }

    static String lastWords(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("✓ Job finished")) {
                return ": " + line;
            }
        }
        return "";
    }
}
