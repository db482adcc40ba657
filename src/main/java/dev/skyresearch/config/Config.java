package dev.skyresearch.config;

import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.NoisePolicy;
import dev.skyresearch.engine.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** skyresearch.yaml, validated. Immutable; every field has its default filled in. */
public record Config(Metric metric, Build build, Script bench, Script checks, Scope scope, Fleet fleet, Verify verify,
                     Noise noise, Stop stop, Optional<String> tag, Path file) {

    /** What is measured and which way is better. */
    public record Metric(String name, Direction direction, String unit) {}

    /** The build command, run in each fresh tree ("" = no build step). */
    public record Build(String command, Duration timeout) {}

    /** A script in the tree and its time limit ("" = none). */
    public record Script(String path, Duration timeout) {}

    /** Globs of paths candidates may touch, and of paths they may never touch. */
    public record Scope(List<String> include, List<String> protectedPaths) {}

    /** Where jobs run: the backend, how many machines, and for backend sky how clusters are made. */
    public record Fleet(String backend, int size, Sky sky) {}

    /**
     * The sky backend's settings. {@code resources} is SkyPilot's resources mapping (cpus, memory, accelerators,
     * infra, use_spot, image_id, any_of...), in SkyPilot's key names; {@code task} is the user's own task file;
     * {@code autostop} is zero when off; {@code hourlyUsd} is NaN when not given.
     */
    public record Sky(String prefix, Map<String, Object> resources, String setup, Map<String, String> envs,
                      Optional<Path> task, Duration autostop, boolean autodown, Duration poll, double hourlyUsd,
                      String command) {}

    /** The decision protocol's numbers. */
    public record Verify(double alpha, double minEffect, int screenPairs, int verifyPairs, Duration budget) {}

    /** Machine calibration: CV bands, A/A pairs (0 = off), experiments between calibrations (0 = once). */
    public record Noise(double trustedCv, double maxCv, int calibrationPairs, int recalibrateEvery) {}

    /** When a run ends on its own: 0 means no limit. */
    public record Stop(int maxExperiments, Duration maxDuration, double maxUsd) {}

    /** The engine's policy: Pocock's per-look α keeps the verification with its one extension at {@code alpha}. */
    public Policy toPolicy() {
        return Policy.of(metric.direction(), verify.screenPairs(), verify.verifyPairs(), verify.alpha(),
                verify.minEffect(), stop.maxExperiments(), stop.maxDuration().toMillis(),
                new NoisePolicy(noise.trustedCv(), noise.maxCv(), noise.calibrationPairs(), noise.recalibrateEvery()),
                verify.budget().toMillis()).withReplacements(fleet.backend().equals("sky"));
    }
}
