package dev.skyresearch.backend;

import dev.skyresearch.engine.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The bash runner every backend runs (resource runner/skyresearch-runner.sh) and the environment it reads. */
public final class RunnerScript {
    public static final String RESOURCE = "runner/skyresearch-runner.sh";
    public static final String FILE_NAME = "skyresearch-runner.sh";

    private RunnerScript() {
    }

    public static String text() {
        return resource(RESOURCE);
    }

    /** A text file bundled with the program (the runner, the sky run script). */
    public static String resource(String name) {
        try (InputStream in = RunnerScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from this build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SR_* variables for one experiment; {@code candidateTree} is required for paired experiments. */
    public static Map<String, String> environment(Experiment experiment, RunnerSettings settings, Path bestTree,
                                                  Optional<Path> candidateTree) {
        Map<String, String> env = new LinkedHashMap<>(environment(experiment, settings));
        env.put("SR_DIR_A", bestTree.toString());
        candidateTree.ifPresent(tree -> env.put("SR_DIR_B", tree.toString()));
        return env;
    }

    /** The SR_* variables that do not name folders: a remote job sets SR_DIR_A and SR_DIR_B where it runs. */
    public static Map<String, String> environment(Experiment experiment, RunnerSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SR_EXPERIMENT_ID", experiment.id().toString());
        env.put("SR_MACHINE", experiment.machine().value());
        env.put("SR_MODE", experiment.paired() ? "ab" : "single");
        env.put("SR_ORDER", experiment.order());
        env.put("SR_BUILD", settings.buildCommand());
        env.put("SR_BUILD_TIMEOUT", Long.toString(settings.buildTimeout().toSeconds()));
        env.put("SR_BENCH", settings.benchScript());
        env.put("SR_BENCH_TIMEOUT", Long.toString(settings.benchTimeout().toSeconds()));
        env.put("SR_CHECKS", settings.checksScript());
        env.put("SR_CHECKS_TIMEOUT", Long.toString(settings.checksTimeout().toSeconds()));
        env.put("SR_RUN_CHECKS", experiment.runChecks() ? "1" : "0");
        env.put("SR_METRIC", settings.metricName());
        return env;
    }
}
