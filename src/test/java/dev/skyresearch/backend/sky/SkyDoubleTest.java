package dev.skyresearch.backend.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyresearch.testing.SkyDouble;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sky test double as a real process: the formats, exit codes and failure modes of skypilot-cli.md §2, §3, §5,
 * §10 that the Java side parses, and the faults it injects. No Quarkus.
 */
class SkyDoubleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final Duration CALL = Duration.ofSeconds(20);

    @TempDir
    Path state;
    @TempDir
    Path work;
    private SkyDouble sky;
    private Path task;

    /** What one sky call left: exit code (-1 when killed at its timeout), stdout and stderr as UTF-8. */
    record Result(int exit, String out, String err) {
        String plain() {
            return ANSI.matcher(out).replaceAll("");
        }

        String plainErr() {
            return ANSI.matcher(err).replaceAll("");
        }

        String lastErrLine() {
            List<String> lines = plainErr().lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** The JSON document after any prose lines (skypilot #10713/#10763). */
        JsonNode json() throws IOException {
            List<String> lines = plain().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("{") || lines.get(i).startsWith("[")) {
                    return JSON.readTree(String.join("\n", lines.subList(i, lines.size())));
                }
            }
            throw new AssertionError("no JSON in: " + out);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        sky = new SkyDouble(state);
        sky.faults("{\"launch_seconds\": 0.1, \"log_retry_seconds\": 0.05, \"price_per_hour\": 0.25}");
        Files.createDirectories(work.resolve("wd"));
        Files.writeString(work.resolve("wd/train.sh"), "echo training\n");
        task = work.resolve("task.yaml");
        Files.writeString(task, """
                # like skyresearch's generated task
                name: skyresearch
                resources:
                  cpus: 2+
                  any_of:
                  - infra: aws
                  - infra: gcp
                envs:
                  SR_JOB: ""
                  PAUSE: "0.6"
                setup: |
                  echo preparing
                run: |
                  echo "job $SR_JOB in $PWD"
                  sleep "$PAUSE"
                  echo done $SR_JOB
                """);
    }

    @AfterEach
    void tearDown() {
        sky.kill();
    }

    private Result sky(String... args) throws Exception {
        return sky(CALL, args);
    }

    private Result sky(Duration timeout, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(sky.executable().toString()));
        argv.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(argv).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(sky.environment());
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        int exit;
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            exit = -1;
        }
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result launch(String cluster, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("launch", "-c", cluster, task.toString(), "-y", "-d",
                "--workdir", work.resolve("wd").toString()));
        args.addAll(Arrays.asList(extra));
        return sky(args.toArray(String[]::new));
    }

    /** Polls `sky logs C J --status` until its exit code is {@code code} (sleeping for a real child process). */
    private void awaitStatusExit(String cluster, int job, int code) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Result last = null;
        while (System.nanoTime() < deadline) {
            last = sky("logs", cluster, Integer.toString(job), "--status");
            if (last.exit() == code) {
                return;
            }
            Thread.sleep(100);
        }
        fail("job " + job + " never reached exit " + code + "; last: " + last);
    }

    @Test
    void launchAndExecPrintTheReferenceFormatsAndTheStatusExitCodesFollowTheJob() throws Exception {
        Result launch = launch("sr-01", "--name", "exp-01", "--env", "SR_JOB=exp-01");
        assertEquals(0, launch.exit(), launch.err());
        assertTrue(launch.plain().startsWith("Failed to connect to SkyPilot API server at http://127.0.0.1:46580. "
                + "Starting a local server.\n✓ SkyPilot API server started. \n"), "the first call starts it: "
                + launch.out());
        assertTrue(launch.out().contains("\u001B[0m⚙︎ Job submitted, ID: 1"), "colour codes even through a pipe");
        assertTrue(launch.out().contains("\n\n\u001B[?25h\n📋 Useful Commands\nJob ID: 1\n"), launch.out());
        assertTrue(launch.out().contains("├── To cancel the job:\t\tsky cancel sr-01 1\n"), "TAB-separated");
        assertTrue(launch.out().contains("└── To teardown the cluster:\tsky down sr-01"), launch.out());
        String plain = launch.plain();
        assertTrue(plain.contains("YAML to run: " + task + "\nRunning on cluster: sr-01\n"
                + "Considered resources (1 node):"), plain);
        assertTrue(Pattern.compile("(?m)^ GCP \\(us-central1\\)\\s+n2-standard-4\\s+4\\s+16\\s+-\\s+0\\.25\\s+✔\\s+$")
                .matcher(plain).find(), "the chosen optimizer row with its price: " + plain);
        assertTrue(plain.contains("✓ Cluster launched: sr-01.  View logs: sky logs --provision sr-01"), plain);
        assertTrue(plain.contains("  Syncing workdir (to 1 node): " + work.resolve("wd") + " -> ~/sky_workdir"));
        assertTrue(plain.contains("✓ Setup detached.\n"), plain);

        Result exec = sky("exec", "sr-01", task.toString(), "-d", "--name", "exp-02", "--env", "SR_JOB=exp-02");
        assertEquals(0, exec.exit(), exec.err());
        assertTrue(exec.plain().startsWith("YAML to run: " + task + "\nSubmitting job to cluster: sr-01\n"));
        assertTrue(exec.out().contains("⚙︎ Job submitted, ID: 2"), exec.out());
        assertFalse(exec.out().contains("Useful Commands"), "exec -d prints no hint block");
        assertFalse(exec.out().contains("API server"), "only the first call starts the server");

        Result running = sky("logs", "sr-01", "2", "--status");
        assertEquals(101, running.exit(), running.out());
        assertTrue(Pattern.compile("(?m)^Job 2: (INIT|PENDING|RUNNING)$").matcher(running.plain()).find(),
                running.out());
        awaitStatusExit("sr-01", 2, 0);
        assertTrue(sky("logs", "sr-01", "2", "--status").plain().endsWith("Job 2: SUCCEEDED\n"));

        Result logs = sky("logs", "sr-01", "2", "--no-follow");
        assertEquals(0, logs.exit(), logs.err());
        assertTrue(Pattern.compile("(?m)^\\(exp-02, pid=\\d+\\) job exp-02 in " + Pattern.quote(
                state.resolve("clusters/sr-01/home/sky_workdir").toString()) + "$").matcher(logs.plain()).find(),
                "run lines carry the (name, pid=N) prefix; cwd is the cluster's ~/sky_workdir: " + logs.out());
        assertTrue(logs.plain().contains(") done exp-02\n✓ Job finished (status: SUCCEEDED).\n"), logs.out());
        awaitStatusExit("sr-01", 1, 0);
        assertTrue(Pattern.compile("(?m)^\\(setup pid=\\d+\\) preparing$").matcher(
                sky("logs", "sr-01", "1", "--no-follow").plain()).find(), "launch runs setup in its job");

        Result queue = sky("queue", "sr-01", "-o", "json");
        assertEquals(0, queue.exit());
        assertTrue(queue.plain().startsWith("Fetching job queue for: sr-01\n{"), queue.out());
        JsonNode jobs = queue.json().path("sr-01");
        assertEquals(2, jobs.size());
        assertEquals(2, jobs.get(0).path("job_id").asInt(), "newest first");
        assertEquals("exp-02", jobs.get(0).path("job_name").asText());
        assertEquals("SUCCEEDED", jobs.get(0).path("status").asText());
        assertEquals("1x[CPU:0.5]", jobs.get(0).path("resources").asText());
        assertTrue(jobs.get(0).path("start_at").isDouble() && jobs.get(0).path("end_at").isDouble());

        Result table = sky("queue", "sr-01");
        assertTrue(Pattern.compile("(?m)^2   exp-02\\s+\\S+\\s+a few secs ago\\s+a few secs ago\\s+"
                + "(< 1s|\\d+s)\\s+1x\\[CPU:0.5]"
                + "\\s+SUCCEEDED\\s+~/sky_logs/sky-[-\\d]+\\s+-\\s+$").matcher(table.plain()).find(), table.out());

        Result status = sky("status", "sr-01", "gone-09", "-o", "json");
        assertEquals(0, status.exit());
        assertTrue(status.plain().startsWith("Cluster(s) not found: gone-09.\n["), status.out());
        JsonNode cluster = status.json().get(0);
        assertEquals("sr-01", cluster.path("name").asText());
        assertEquals("UP", cluster.path("status").asText());
        assertEquals(-1, cluster.path("autostop").asInt());
        assertEquals("4", cluster.path("cpus").asText());
        assertEquals("1x(cpus=4, mem=16, n2-standard-4, ...)", cluster.path("resources_str").asText());
        for (String key : List.of("launched_at", "to_down", "cluster_hash", "nodes", "cloud", "region", "memory",
                "accelerators", "labels")) {
            assertTrue(cluster.has(key), key);
        }
        assertEquals(List.of(), JSON.convertValue(sky("status", "gone-09", "-o", "json").json(), List.class));
        assertEquals(List.of("sr-01"), sky.clusters());
        assertEquals(2, sky.jobs("sr-01").size());
    }

    @Test
    void aMissingClusterIsClusterDoesNotExistExceptForCancelWhichIsAUsageError() throws Exception {
        sky("status");
        Result exec = sky("exec", "gpu-09", task.toString(), "-d");
        assertEquals(1, exec.exit());
        assertEquals("sky.exceptions.ClusterDoesNotExist: Cluster 'gpu-09' does not exist.", exec.lastErrLine());
        assertTrue(exec.plain().endsWith("Submitting job to cluster: gpu-09\n"), exec.out());
        Result status = sky("logs", "gpu-09", "1", "--status");
        assertEquals(1, status.exit());
        assertTrue(status.lastErrLine().startsWith("sky.exceptions.ClusterDoesNotExist:"), status.err());
        Result cancel = sky("cancel", "gpu-09", "1", "-y");
        assertEquals(2, cancel.exit());
        assertEquals("Error: Cluster 'gpu-09' does not exist.", cancel.lastErrLine());
        Result queue = sky("queue", "gpu-09");
        assertEquals(0, queue.exit(), "a per-cluster queue failure keeps exit 0");
        assertTrue(queue.plain().contains("Failed to get the job queue for cluster 'gpu-09'.\n"
                + "  sky.exceptions.ClusterDoesNotExist: Cluster 'gpu-09' does not exist."), queue.out());
        Result down = sky("down", "gpu-09", "-y");
        assertEquals(0, down.exit());
        assertEquals("Cluster(s) not found: gpu-09.\nCluster(s) not found (tip: see `sky status`).\n", down.plain());
        assertEquals(2, sky("frobnicate").exit(), "unknown command: Click usage error");
        Result noYes = sky("down", "gpu-09");
        assertEquals(0, noYes.exit(), "nothing to confirm for a missing cluster");
    }

    @Test
    void failedJobsExitWithTheirStatusCodeAndPromptsAbortWithoutYes() throws Exception {
        launch("sr-01", "--no-setup");
        Path failing = work.resolve("fail.yaml");
        Files.writeString(failing, "name: broken\nrun: |\n  echo oops\n  exit 3\n");
        Result exec = sky("exec", "sr-01", failing.toString());
        assertEquals(100, exec.exit(), exec.out() + exec.err());
        assertTrue(exec.plain().contains("(broken, pid="), exec.out());
        assertTrue(exec.plain().contains("ERROR: Job 2 failed with return code list: [3] \n"
                + "✓ Job finished (status: FAILED).\n"), exec.out());
        assertEquals(100, sky("logs", "sr-01", "2").exit());
        Result down = sky("down", "sr-01");
        assertEquals(1, down.exit());
        assertEquals("Aborted!", down.lastErrLine());
        assertEquals("UP", sky.status("sr-01"), "an aborted prompt changes nothing");
        Result stop = sky("stop", "sr-01", "-y");
        assertTrue(stop.plain().contains("Stopping cluster sr-01...done.\n"
                + "  To restart the cluster, run: sky start sr-01"), stop.out());
        Result stopped = sky("logs", "sr-01", "1", "--status");
        assertEquals(1, stopped.exit());
        assertTrue(stopped.lastErrLine().startsWith("sky.exceptions.ClusterNotUpError: Getting job status: skipped "
                + "for cluster 'sr-01' (status: STOPPED)."), stopped.err());
        Result relaunch = launch("sr-01", "--cpus", "8");
        assertEquals(1, relaunch.exit(), "a stopped 4-CPU cluster cannot take an 8-CPU task");
        assertTrue(relaunch.lastErrLine().startsWith("To fix:") && relaunch.plainErr().contains(
                "sky.exceptions.ResourcesMismatchError: Requested resources do not match the existing cluster."));
        assertEquals(0, launch("sr-01").exit(), "launch restarts a stopped cluster");
        assertEquals("UP", sky.status("sr-01"));
    }

    @Test
    void capacityApiDownAnd503FailBeforeAnyStateChange() throws Exception {
        sky.faults("{\"launch_seconds\": 0.1, \"rules\": [{\"command\": \"launch\", \"fault\": \"capacity\", "
                + "\"times\": 1}, {\"command\": \"exec\", \"fault\": \"api_down\", \"times\": 1}, {\"command\": "
                + "\"queue\", \"fault\": \"server_503\", \"times\": 1}]}");
        Result capacity = launch("sr-01");
        assertEquals(1, capacity.exit());
        assertTrue(capacity.plain().contains("⨯ Failed to provision resources.  View logs: "
                + "sky logs --provision sr-01"), capacity.out());
        assertTrue(capacity.plainErr().contains("sky.exceptions.ResourcesUnavailableError: Failed to provision all "
                + "possible launchable resources. Relax the task's resource requirements: "), capacity.err());
        assertTrue(capacity.plainErr().contains("use the `--retry-until-up` flag."));
        assertEquals(List.of(), sky.clusters(), "a failed launch leaves no cluster record");
        assertEquals(0, launch("sr-01").exit(), "the rule fired once");

        Result down = sky("exec", "sr-01", task.toString(), "-d");
        assertEquals(1, down.exit());
        assertEquals("sky.exceptions.ApiServerConnectionError: Could not connect to SkyPilot API server at "
                + "http://127.0.0.1:46580. Please ensure that the server is running. Try: curl "
                + "http://127.0.0.1:46580/api/health", down.lastErrLine());
        Result unavailable = sky("queue", "sr-01", "-o", "json");
        assertEquals(1, unavailable.exit());
        assertTrue(unavailable.lastErrLine().startsWith("sky.exceptions.ServerTemporarilyUnavailableError: SkyPilot "
                + "API server is temporarily unavailable"), unavailable.err());
        assertEquals(1, sky.jobs("sr-01").size(), "neither failing call submitted anything");
    }

    @Test
    void aHungCallNeverAnswersAndAHungSubmitStillRunsItsJob() throws Exception {
        launch("sr-01", "--no-setup");
        sky.faults("{\"rules\": [{\"command\": \"status\", \"fault\": \"hang\", \"times\": 1},"
                + " {\"command\": \"exec\", \"fault\": \"hang_after_submit\", \"times\": 1}]}");
        long start = System.nanoTime();
        Result hung = sky(Duration.ofMillis(1500), "status", "-o", "json");
        assertEquals(-1, hung.exit(), "killed at its timeout");
        assertEquals("", hung.out(), "nothing printed before hanging");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500));
        Result submit = sky(Duration.ofMillis(2500), "exec", "sr-01", task.toString(), "-d", "--name", "lost-reply");
        assertEquals(-1, submit.exit());
        assertFalse(submit.out().contains("Job submitted"), "the client never printed the id");
        assertEquals("lost-reply", sky.jobs("sr-01").get(1).name(), "but the server went on with the job");
        awaitStatusExit("sr-01", 2, 0);
    }

    @Test
    void aVanishedClusterTakesItsJobsWithIt() throws Exception {
        launch("sr-01", "--no-setup", "--env", "PAUSE=30");
        awaitStatusExit("sr-01", 1, 101);
        long pid = sky.jobs("sr-01").get(0).pid();
        sky.faults("{\"rules\": [{\"command\": \"queue\", \"cluster\": \"sr-01\", \"fault\": \"vanish\","
                + " \"times\": 1}]}");
        Result queue = sky("queue", "sr-01", "-o", "json");
        assertEquals(0, queue.exit());
        assertTrue(queue.plain().contains("sky.exceptions.ClusterDoesNotExist: Cluster 'sr-01' does not exist."));
        assertEquals("{ }", queue.json().toPrettyString().replace("\n", "").replace("  ", ""));
        assertEquals(List.of(), sky.clusters());
        assertEquals(List.of("sr-01: vanished"), sky.gone());
        assertEquals("FAILED_DRIVER", sky.history("sr-01").get(0).status());
        awaitGone(pid);
        Result exec = sky("exec", "sr-01", task.toString(), "-d");
        assertEquals(1, exec.exit());
        assertTrue(exec.lastErrLine().startsWith("sky.exceptions.ClusterDoesNotExist"), exec.err());
    }

    @Test
    void aClusterCanBePreemptedSecondsIntoItsNextJob() throws Exception {
        launch("sr-01", "--no-setup", "--env", "PAUSE=0");
        awaitStatusExit("sr-01", 1, 0);
        sky.faults("{\"rules\": [{\"command\": \"exec\", \"fault\": \"vanish_after_seconds\", \"seconds\": 0.5,"
                + " \"times\": 1}]}");
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d", "--env", "PAUSE=20").exit());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sky.clusters().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of("sr-01: preempted"), sky.gone());
        SkyDouble.Job job = sky.history("sr-01").get(1);
        assertEquals("FAILED_DRIVER", job.status());
        assertTrue(job.endAt() - job.startAt() >= 0.4 && job.endAt() - job.startAt() < 5, job.toString());
    }

    @Test
    void aStuckJobStaysPendingUntilCancelled() throws Exception {
        launch("sr-01", "--no-setup", "--env", "PAUSE=0");
        sky.faults("{\"log_retry_seconds\": 0.05, \"rules\": [{\"command\": \"exec\", \"fault\": \"stuck_pending\","
                + " \"times\": 1}]}");
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d").exit());
        Thread.sleep(300);
        Result status = sky("logs", "sr-01", "2", "--status");
        assertEquals(101, status.exit());
        assertTrue(status.plain().endsWith("Job 2: PENDING\n"), status.out());
        Result logs = sky("logs", "sr-01", "2", "--no-follow");
        assertEquals(101, logs.exit());
        assertTrue(logs.plain().endsWith("INFO: Waiting 1s for the logs to be written...\n"
                + "ERROR: Logs for job 2 (status: PENDING) does not exist after retrying 5 times.\n"), logs.out());
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d").exit());
        awaitStatusExit("sr-01", 3, 0);
        Result cancel = sky("cancel", "sr-01", "2", "-y");
        assertEquals("Cancelling jobs (2) on cluster 'sr-01'...\nCancelled job ID(s): 2\n", cancel.plain());
        assertEquals(103, sky("logs", "sr-01", "2", "--status").exit());
        assertEquals("No jobs cancelled. They may be in terminal states.\n",
                sky("cancel", "sr-01", "2", "-y").plain().lines().skip(1).findFirst().orElse("") + "\n");
    }

    @Test
    void twoExecsOnOneClusterRunAtOnceAsTheRealCliAllows() throws Exception {
        launch("sr-01", "--no-setup", "--env", "PAUSE=0");
        awaitStatusExit("sr-01", 1, 0);
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d", "--env", "PAUSE=1.5").exit());
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d", "--env", "PAUSE=1.5").exit());
        awaitStatusExit("sr-01", 3, 0);
        awaitStatusExit("sr-01", 2, 0);
        assertTrue(sky.anyOverlap("sr-01"), "CPU jobs are not serialised: " + sky.jobs("sr-01"));
    }

    @Test
    void autostopStopsAnIdleClusterAndAutodownRemovesIt() throws Exception {
        sky.faults("{\"launch_seconds\": 0.1, \"minute_seconds\": 0.3}");
        launch("sr-01", "--no-setup", "--env", "PAUSE=0", "-i", "1");
        launch("sr-02", "--no-setup", "--env", "PAUSE=0", "-i", "1", "--down");
        Result autostop = sky("autostop", "sr-01", "-i", "2", "-y");
        assertTrue(autostop.plain().contains("Scheduling autostop on cluster 'sr-01'...done\n"
                + "  The cluster will be autostopped after 2 minutes of idleness."), autostop.out());
        assertEquals(2, sky.cluster("sr-01").orElseThrow().autostop());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !(sky.status("sr-01").equals("STOPPED")
                && sky.status("sr-02").isEmpty())) {
            sky("status", "-o", "json");
            Thread.sleep(100);
        }
        assertEquals("STOPPED", sky.status("sr-01"));
        assertEquals(List.of("sr-02: autodown"), sky.gone());
    }

    @Test
    void theWorkdirSyncIsAdditiveAndHonoursSkyignore() throws Exception {
        Path wd = work.resolve("wd");
        Files.writeString(wd.resolve("old.txt"), "old");
        Files.writeString(wd.resolve(".skyignore"), "*.bin\ncache/\n");
        Files.writeString(wd.resolve("big.bin"), "x");
        Files.createDirectories(wd.resolve("cache"));
        Files.writeString(wd.resolve("cache/c"), "x");
        launch("sr-01", "--no-setup", "--env", "PAUSE=0");
        Files.delete(wd.resolve("old.txt"));
        assertEquals(0, sky("exec", "sr-01", task.toString(), "-d", "--workdir", wd.toString()).exit());
        Path remote = state.resolve("clusters/sr-01/home/sky_workdir");
        assertTrue(Files.exists(remote.resolve("old.txt")), "rsync without --delete keeps stale files");
        assertTrue(Files.exists(remote.resolve("train.sh")));
        assertFalse(Files.exists(remote.resolve("big.bin")));
        assertFalse(Files.exists(remote.resolve("cache")));
    }

    @Test
    void aPositionalClusterNameIsRunAsACommandOnAFreshCluster() throws Exception {
        Result launch = sky("launch", "sr-01", task.toString(), "-y", "-d");
        assertEquals(0, launch.exit(), launch.err());
        assertTrue(launch.plain().contains("Command to run: sr-01 " + task + "\n"), launch.out());
        assertFalse(sky.clusters().contains("sr-01"));
        assertTrue(sky.clusters().get(0).startsWith("sky-"), sky.clusters().toString());
    }

    @Test
    void withoutAStateFolderTheDoubleRefusesToRun() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(sky.executable().toString(), "status")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("SKY_DOUBLE_STATE");
        Process process = builder.start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertTrue(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .contains("SKY_DOUBLE_STATE is not set"));
    }

    @Test
    void anInitClusterRefusesJobCallsAndEveryCallCanFailAtRandom() throws Exception {
        launch("sr-01", "--no-setup", "--env", "PAUSE=0");
        sky.faults("{\"rules\": [{\"command\": \"logs\", \"fault\": \"init\", \"times\": 1}]}");
        Result init = sky("logs", "sr-01", "1", "--status");
        assertEquals(1, init.exit());
        assertTrue(init.lastErrLine().startsWith("sky.exceptions.ClusterNotUpError: Getting job status: skipped for "
                + "cluster 'sr-01' (status: INIT).") && init.lastErrLine().contains("Wait for a launch to finish"));
        sky.faults("{\"rate\": 1.0, \"seed\": 3}");
        for (String[] args : List.of(new String[] {"status", "-o", "json"}, new String[] {"queue", "sr-01"},
                new String[] {"exec", "sr-01", task.toString(), "-d"})) {
            Result result = sky(args);
            assertEquals(1, result.exit(), result.out());
            assertTrue(result.lastErrLine().matches("sky\\.exceptions\\.(ApiServerConnectionError|"
                    + "ServerTemporarilyUnavailableError|CommandError): .*"), result.err());
        }
        assertEquals(1, sky.jobs("sr-01").size(), "random faults come before any state change");
    }

    @Test
    void sixteenConcurrentCallersSeeConsistentState() throws Exception {
        sky.faults("{\"launch_seconds\": 0.1, \"rate\": 0.25}");
        List<String> clusters = List.of("sr-01", "sr-02", "sr-03", "sr-04");
        for (String cluster : clusters) {
            while (launch(cluster, "--no-setup", "--env", "PAUSE=0").exit() != 0) {
                Thread.sleep(10);
            }
        }
        int[] submitted = new int[clusters.size()];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int index = t % clusters.size();
            calls.add(pool.submit(() -> {
                Result result = sky("exec", clusters.get(index), task.toString(), "-d", "--env", "PAUSE=0");
                sky("queue", clusters.get(index), "-s", "-o", "json");
                if (result.exit() == 0) {
                    synchronized (submitted) {
                        submitted[index]++;
                    }
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int i = 0; i < clusters.size(); i++) {
            List<SkyDouble.Job> jobs = sky.jobs(clusters.get(i));
            assertEquals(1 + submitted[i], jobs.size(), "one job per successful exec on " + clusters.get(i));
            for (int id = 1; id <= jobs.size(); id++) {
                assertEquals(id, jobs.get(id - 1).id(), "ids are dense per cluster");
            }
        }
    }

    /**
     * The double replays src/test/resources/sky-real (what SkyPilot 0.14.1 printed with no cloud, see its README):
     * the same exit codes, and byte for byte the same stdout and stderr where the capture says "exact".
     */
    @Test
    void theDoublePrintsWhatTheRealCliPrintedOffline() throws Exception {
        Path real = sky.executable().getParent().getParent().getParent().getParent()
                .resolve("src/test/resources/sky-real");
        Files.copy(real.resolve("task.yaml"), work.resolve("task.yaml"), StandardCopyOption.REPLACE_EXISTING);
        sky.faults("{\"cloud_access\": false}");
        List<String> mismatches = new ArrayList<>();
        for (String line : Files.readAllLines(real.resolve("cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> fields = List.of(line.split("\t"));
            String name = fields.get(0);
            String compare = fields.get(2);
            if (fields.get(1).equals("manual")) {
                continue;
            }
            Result result = sky(fields.subList(3, fields.size()).toArray(String[]::new));
            int exit = Integer.parseInt(Files.readString(real.resolve(name + ".exit")).strip());
            String out = Files.readString(real.resolve(name + ".stdout"));
            String err = Files.readString(real.resolve(name + ".stderr"));
            boolean same = result.exit() == exit && switch (compare) {
                case "exact" -> result.out().equals(out) && result.err().equals(err);
                case "sorted" -> result.out().lines().sorted().toList().equals(out.lines().sorted().toList())
                        && result.err().equals(err);
                default -> true;
            };
            if (!same) {
                mismatches.add(name + ": exit " + result.exit() + "/" + exit + "\n" + result.out() + result.err());
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the job runner was killed");
    }
}
