package dev.skyresearch.backend.sky;

import dev.skyresearch.backend.RunnerScript;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.engine.Experiment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argv of every {@code sky} command skyresearch runs, in one place, so {@code --dry-run} prints exactly what a
 * run would execute. Cluster names always go with {@code -c} for launch (a positional name is run as a command).
 */
final class SkyCommands {
    private SkyCommands() {
    }

    static List<String> launch(String cluster, Path task, String jobName, Map<String, String> env, Path workdir,
                               Autostop autostop) {
        List<String> args = new ArrayList<>(List.of("launch", "-c", cluster, task.toString(), "-y", "-d",
                "--name", jobName, "--workdir", workdir.toString()));
        args.addAll(autostop.launchFlags());
        addEnv(args, env);
        return args;
    }

    static List<String> exec(String cluster, Path task, String jobName, Map<String, String> env, Path workdir) {
        List<String> args = new ArrayList<>(List.of("exec", cluster, task.toString(), "-d", "--name", jobName,
                "--workdir", workdir.toString()));
        addEnv(args, env);
        return args;
    }

    static List<String> jobStatus(String cluster, int jobId) {
        return List.of("logs", cluster, Integer.toString(jobId), "--status");
    }

    static List<String> logs(String cluster, int jobId) {
        return List.of("logs", cluster, Integer.toString(jobId), "--no-follow");
    }

    static List<String> activeJobs(List<String> clusters) {
        List<String> args = new ArrayList<>(List.of("queue"));
        args.addAll(clusters);
        args.addAll(List.of("-s", "-o", "json"));
        return args;
    }

    static List<String> queue(String cluster) {
        return List.of("queue", cluster, "-o", "json");
    }

    static List<String> cancel(String cluster, int jobId) {
        return List.of("cancel", cluster, Integer.toString(jobId), "-y");
    }

    static List<String> status(List<String> clusters) {
        List<String> args = new ArrayList<>(List.of("status"));
        args.addAll(clusters);
        args.addAll(List.of("-o", "json"));
        return args;
    }

    static List<String> stop(String cluster) {
        return List.of("stop", cluster, "-y");
    }

    static List<String> down(String cluster) {
        return List.of("down", cluster, "-y");
    }

    static List<String> autostop(String cluster, Autostop autostop) {
        List<String> args = new ArrayList<>(List.of("autostop", cluster));
        args.addAll(autostop.commandFlags());
        args.add("-y");
        return args;
    }

    /** A job's --env: the runner's SR_* variables, the job's folder, and the id SkyPilot's own template reads. */
    static Map<String, String> jobEnvironment(Experiment experiment, RunnerSettings runner, String jobName) {
        Map<String, String> env = new LinkedHashMap<>(RunnerScript.environment(experiment, runner));
        env.put("SR_JOB", jobName);
        env.put("EXPERIMENT_ID", experiment.id().toString());
        return env;
    }

    /** As a person would type it: arguments with spaces or quotes are single-quoted. */
    static String shown(List<String> args) {
        StringBuilder line = new StringBuilder("sky");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    private static void addEnv(List<String> args, Map<String, String> env) {
        env.forEach((key, value) -> {
            args.add("--env");
            args.add(key + "=" + value);
        });
    }
}
