package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.EngineEvent;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.MachineId;
import dev.skyresearch.process.RealProcessRunner;
import dev.skyresearch.testing.SkyDouble;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64-cluster fleet over the sky double with short jobs and a queue that never runs dry: how busy the clusters
 * are kept, how long a cluster waits between one job's end and the next one's start, and what the orchestrator
 * costs in CPU. Prints numbers; run with {@code ./mvnw -Pbench test}.
 */
@Tag("bench")
class FleetUtilisationBench {
    private static final int CLUSTERS = 64;
    private static final int ROUNDS = 3;
    private static final double JOB_SECONDS = 20;
    private static final Duration POLL = Duration.ofSeconds(1);
    @TempDir
    Path state;
    @TempDir
    Path skyState;

    @Test
    void sixtyFourClustersStayBusyWhileWorkIsQueued() throws Exception {
        SkyDouble sky = new SkyDouble(skyState);
        sky.faults("{\"launch_seconds\": 0.05}");
        SkySettings settings = new SkySettings("bench", CLUSTERS, new SkyTask(Map.of(), "", Map.of(), Optional.empty()),
                Autostop.OFF, POLL, 0.192, List.of(sky.executable().toString()), sky.environment(), state,
                SkyLimits.DEFAULT);
        RunnerSettings runner = new RunnerSettings("time_s", "", Duration.ofSeconds(60), "bench.sh",
                Duration.ofSeconds(60), "", Duration.ofSeconds(60));
        BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
        AtomicInteger ids = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SkyBackend backend = new SkyBackend(settings, runner, (commit, tree) -> Files.writeString(
                tree.resolve("bench.sh"), "sleep " + JOB_SECONDS + "\necho METRIC time_s=1\n"),
                new RealProcessRunner(), InstantSource.system())) {
            long startNanos = System.nanoTime();
            backend.start(events::add);
            int launched = 0;
            int finished = 0;
            long steadyCpu = -1;
            long steadyNanos = 0;
            while (finished < CLUSTERS * ROUNDS) {
                EngineEvent event = events.poll(5, TimeUnit.MINUTES);
                if (event == null) {
                    throw new AssertionError("the fleet went quiet: " + finished + " of " + CLUSTERS * ROUNDS);
                }
                MachineId machine = null;
                if (event instanceof EngineEvent.MachineReady ready) {
                    machine = ready.machine();
                } else if (event instanceof EngineEvent.ExperimentFinished done) {
                    finished++;
                    machine = done.experiment().machine();
                }
                if (steadyCpu < 0 && launched == CLUSTERS) {
                    steadyCpu = os.getProcessCpuTime();
                    steadyNanos = System.nanoTime();
                }
                if (machine != null && launched < CLUSTERS * ROUNDS) {
                    launched++;
                    backend.launch(new Experiment(new ExperimentId(ids.incrementAndGet()), ExperimentKind.BASELINE,
                            Optional.empty(), machine, "0000000", Optional.empty(), 0, "", true, 1));
                }
            }
            double cpuShare = (os.getProcessCpuTime() - steadyCpu) / (double) (System.nanoTime() - steadyNanos);
            report(sky, (System.nanoTime() - startNanos) / 1e9, cpuShare);
        } finally {
            sky.kill();
        }
    }

    private static void report(SkyDouble sky, double wallSeconds, double cpuShare) {
        double busy = 0;
        double provisioned = 0;
        List<Double> gaps = new ArrayList<>();
        for (String cluster : sky.clusters()) {
            List<SkyDouble.Job> jobs = sky.jobs(cluster).stream().filter(job -> job.name().startsWith("exp-"))
                    .sorted(Comparator.comparingDouble(SkyDouble.Job::startAt)).toList();
            if (jobs.isEmpty()) {
                continue;
            }
            provisioned += jobs.get(jobs.size() - 1).endAt() - jobs.get(0).startAt();
            for (int i = 0; i < jobs.size(); i++) {
                busy += jobs.get(i).endAt() - jobs.get(i).startAt();
                if (i > 0) {
                    gaps.add(jobs.get(i).startAt() - jobs.get(i - 1).endAt());
                }
            }
        }
        gaps.sort(Double::compare);
        System.out.printf("fleet: %d clusters, %d jobs of %.0f s, poll %d ms, %.0f s wall%n", sky.clusters().size(),
                CLUSTERS * ROUNDS, JOB_SECONDS, POLL.toMillis(), wallSeconds);
        System.out.printf("utilisation (busy / provisioned cluster-seconds, first job start to last job end): %.1f%%%n",
                100 * busy / provisioned);
        System.out.printf("gap between a job's end and the next start on its cluster: median %.2f s, p99 %.2f s, "
                + "max %.2f s (target: median <= poll + 1 s = %.1f s)%n", gaps.get(gaps.size() / 2),
                gaps.get((int) Math.min(gaps.size() - 1, Math.ceil(0.99 * gaps.size()) - 1)),
                gaps.get(gaps.size() - 1), POLL.toMillis() / 1000.0 + 1);
        System.out.printf("orchestrator CPU while all clusters were busy: %.1f%% of one core (target < 5%%)%n",
                100 * cpuShare);
    }
}
