package dev.skyresearch.runner;

import dev.skyresearch.backend.Backend;
import dev.skyresearch.engine.Engine;
import dev.skyresearch.engine.Notice;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.workspace.Rebaser;
import dev.skyresearch.workspace.WinnerCommitter;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Everything an {@link EngineRunner} drives, wired by the command that starts a run. {@code reproduction} is the
 * build, benchmark and checks commands, written into every winner's commit message; {@code maxUsd} (0: none) stops
 * the run once the fleet has cost that much.
 */
public record RunnerParts(
        Engine engine,
        Backend backend,
        JsonlJournal journal,
        JournalViews views,
        CandidateStore store,
        Rebaser rebaser,
        WinnerCommitter committer,
        String branch,
        InstantSource clock,
        Consumer<Notice> out,
        StatusPublisher status,
        String reproduction,
        double maxUsd) {
}
