package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentId;
import dev.skyresearch.engine.ExperimentKind;
import dev.skyresearch.engine.MachineId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `--dry-run`: the task file is written (so it can be read and checked) and the {@code sky} commands a run would
 * start with are returned as text, nothing executed: every cluster's launch, and the first job's exec.
 */
public final class SkyPlan {
    private SkyPlan() {
    }

    public static List<String> commands(SkySettings settings, RunnerSettings runner, String bestCommit) {
        Path task = TaskFiles.prepare(settings.task(), settings.skyDirectory());
        Path uploads = settings.skyDirectory().resolve("upload");
        ClusterNames names = new ClusterNames(settings.prefix());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= settings.size(); i++) {
            String cluster = names.name(i);
            String probe = cluster + "-probe";
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SR_JOB", probe);
            env.put("SR_MODE", "probe");
            lines.add(SkyCommands.shown(SkyCommands.launch(cluster, task, probe, env, uploads.resolve(probe),
                    settings.autostop())));
        }
        Experiment baseline = new Experiment(new ExperimentId(1), ExperimentKind.BASELINE, Optional.empty(),
                new MachineId(names.name(1)), bestCommit, Optional.empty(), 0, "", true, 1);
        Map<String, String> env = SkyCommands.jobEnvironment(baseline, runner, "exp-0001-1");
        lines.add(SkyCommands.shown(SkyCommands.exec(names.name(1), task, "exp-0001-1", env,
                uploads.resolve("exp-0001-1"))));
        return lines;
    }
}
