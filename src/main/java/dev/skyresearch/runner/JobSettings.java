package dev.skyresearch.runner;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.config.Config;

/** What every job runs, taken from skyresearch.yaml: the one place config becomes runner settings. */
final class JobSettings {
    private JobSettings() {
    }

    static RunnerSettings of(Config config) {
        return new RunnerSettings(config.metric().name(), config.build().command(), config.build().timeout(),
                config.bench().path(), config.bench().timeout(), config.checks().path(), config.checks().timeout());
    }
}
