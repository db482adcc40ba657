package dev.skyresearch.runner;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.backend.RunnerSettings;
import dev.skyresearch.backend.local.LocalBackend;
import dev.skyresearch.backend.sky.SkyBackend;
import dev.skyresearch.config.Config;
import dev.skyresearch.engine.Notice;
import dev.skyresearch.journal.JournalContents;
import dev.skyresearch.journal.JournalHeader;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.journal.RunSummary;
import dev.skyresearch.process.ProcessRunner;
import dev.skyresearch.workspace.JGitTreeMaterializer;
import dev.skyresearch.workspace.Rebaser;
import dev.skyresearch.workspace.TargetRepository;
import dev.skyresearch.workspace.WinnerCommitter;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Assembles one `skyresearch run`: takes the run lock, checks the protected files, replays the journal into an
 * engine, starts the local fleet and runs the loop until it ends. The caller reports the outcome.
 */
public final class RunSession {
    private static final Duration POLL = Duration.ofMillis(500);
    private final RunFiles files;
    private final TargetRepository repository;
    private final Config config;
    private final String branch;
    private final ProcessRunner processes;
    private final InstantSource clock;

    public RunSession(RunFiles files, TargetRepository repository, Config config, String branch,
                      ProcessRunner processes, InstantSource clock) {
        this.files = files;
        this.repository = repository;
        this.config = config;
        this.branch = branch;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Runs the loop on the calling thread. {@code started} receives the runner once it exists, so a signal
     * handler can interrupt it.
     */
    public RunOutcome run(boolean untilEmpty, Consumer<Notice> out, Consumer<EngineRunner> started)
            throws IOException, InterruptedException {
        try (RunLock lock = RunLock.tryAcquire(files.runLock()).orElseThrow(() -> new IllegalStateException(
                "another skyresearch run (pid " + RunLock.owner(files.runLock()) + ") is active on " + files.root()));
             JsonlJournal journal = JsonlJournal.open(files.journal())) {
            String best = repository.branchCommit(branch).orElseThrow(() -> new IllegalStateException(
                    "run branch " + branch + " does not exist; run 'skyresearch init' first"));
            ProtectedCheck.verify(files, repository, config, best);
            journal.appendHeaderIfEmpty(new JournalHeader(files.root().getFileName().toString(),
                    config.metric().name(), config.metric().unit(), config.metric().direction(), branch, clock.millis()));
            JournalContents contents = JsonlJournal.read(files.journal());
            CandidateStore store = new CandidateStore(files);
            JournalReplay.Replayed replayed = JournalReplay.replay(config.toPolicy(), best, store.accepted(),
                    contents.entries(), repository.log(branch, 1000), clock.millis());
            SnapshotJson json = new SnapshotJson(files.root().toString(), branch, config.metric().name(),
                    config.metric().unit());
            StatusPublisher status = new StatusPublisher(Optional.of(files.statusFile()), json);
            JournalViews views = new JournalViews(files, () -> summary(status), contents.entries());
            RunnerParts parts = new RunnerParts(replayed.engine(), backend(), journal, views, store,
                    new Rebaser(repository), new WinnerCommitter(repository), branch, clock, out, status, reproduction(),
                    config.stop().maxUsd());
            EngineRunner runner = new EngineRunner(parts);
            started.accept(runner);
            runner.resume(replayed.recovered());
            RunOutcome outcome = runner.run(untilEmpty, POLL);
            views.write();
            return outcome;
        }
    }

    private Backend backend() {
        RunnerSettings settings = JobSettings.of(config);
        if (config.fleet().backend().equals("sky")) {
            return new SkyBackend(JobSettings.sky(config, files.state()), settings, new JGitTreeMaterializer(repository),
                    processes, clock);
        }
        return new LocalBackend(config.fleet().size(), settings, files.state(),
                new JGitTreeMaterializer(repository), processes, clock);
    }

    /** How to measure a keep again, for its commit message. */
    private String reproduction() {
        return "Build: " + (config.build().command().isEmpty() ? "(none)" : config.build().command())
                + "\nBenchmark: " + config.bench().path() + " (metric " + config.metric().name() + ", "
                + config.metric().direction().name().toLowerCase() + " is better)"
                + "\nChecks: " + (config.checks().path().isEmpty() ? "(none)" : config.checks().path());
    }

    private RunSummary summary(StatusPublisher status) {
        return new RunSummary(files.root().getFileName().toString(), branch, config.metric().name(),
                config.metric().unit(), config.metric().direction(),
                status.latest().flatMap(s -> s.baseline()), status.latest().flatMap(s -> s.bestEstimate()));
    }
}
