package dev.skyresearch.runner;

import dev.skyresearch.backend.sky.Autostop;
import dev.skyresearch.backend.sky.SkyLimits;
import dev.skyresearch.backend.sky.SkySettings;
import dev.skyresearch.backend.sky.SkyTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.config.Config;

/** What every job runs, taken from skyresearch.yaml: the one place config becomes runner settings. */
public final class JobSettings {
    private JobSettings() {
    }

    /** The sky backend's settings; the sky command is split on spaces ("sky", or "uv run sky"). */
    public static SkySettings sky(Config config, Path state) {
        Config.Sky sky = config.fleet().sky();
        return new SkySettings(sky.prefix(), config.fleet().size(),
                new SkyTask(sky.resources(), sky.setup(), sky.envs(), sky.task()),
                sky.autostop().isZero() ? Autostop.OFF : new Autostop(sky.autostop(), sky.autodown()), sky.poll(),
                sky.hourlyUsd(), List.of(sky.command().trim().split("\\s+")), Map.of(), state, limits(sky.poll()));
    }

    /** Retries start no later than the next poll would, so a short poll interval also means quick retries. */
    private static SkyLimits limits(Duration poll) {
        SkyLimits defaults = SkyLimits.DEFAULT;
        Duration first = poll.compareTo(defaults.firstDelay()) < 0 ? poll : defaults.firstDelay();
        Duration jitter = first.dividedBy(2);
        return new SkyLimits(defaults.maxRetries(), first, defaults.maxDelay(), jitter, defaults.query(),
                defaults.logs(), defaults.submit(), defaults.launch(), defaults.stuckPending());
    }

    public static RunnerSettings of(Config config) {
        return new RunnerSettings(config.metric().name(), config.build().command(), config.build().timeout(),
                config.bench().path(), config.bench().timeout(), config.checks().path(), config.checks().timeout());
    }
}
