package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.journal.JsonlJournal;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line on stderr naming the problem and the fix, exit code 2, nothing written half-way. */
@QuarkusMainTest
class CliErrorsTest {
    @TempDir
    Path root;
    @TempDir
    Path patches;

    private static void assertUsageError(LaunchResult result, String message) {
        assertEquals(2, result.exitCode(), result.getOutput() + result.getErrorOutput());
        String error = result.getErrorOutput().strip();
        assertEquals(1, error.lines().count(), "one line, no stack trace: " + error);
        assertTrue(error.contains(message), error);
    }

    private String initialised() throws Exception {
        SyntheticTarget.create(root, "100");
        Git.open(root.toFile()).close();
        return root.toString();
    }

    @Test
    void aFolderThatIsNotARepository(QuarkusMainLauncher launcher) {
        assertUsageError(launcher.launch("init", "--repo", root.toString()), "is not a git repository; run 'git init'");
        assertUsageError(launcher.launch("status", "--repo", root.toString()), "is not a git repository");
    }

    @Test
    void aRepositoryWithoutCommits(QuarkusMainLauncher launcher) throws Exception {
        Git.init().setDirectory(root.toFile()).call().close();
        assertUsageError(launcher.launch("init", "--repo", root.toString()), "has no commits yet");
    }

    @Test
    void configurationMistakes(QuarkusMainLauncher launcher) throws Exception {
        String repo = initialised();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "t").exitCode());
        Path config = root.resolve("skyresearch.yaml");
        String good = Files.readString(config);
        Files.writeString(config, good + "verfy: {alpha: 0.1}\n");
        assertUsageError(launcher.launch("run", "--repo", repo, "--until-empty"), "unknown key 'verfy'; did you mean 'verify'?");
        Files.writeString(config, good.replace("size: 2", "size: two"));
        assertUsageError(launcher.launch("status", "--repo", repo), "fleet.size: must be a whole number, got 'two'");
        Files.writeString(config, "metric: {name: t\n");
        assertUsageError(launcher.launch("status", "--repo", repo), "malformed YAML");
        Files.delete(config);
        assertUsageError(launcher.launch("status", "--repo", repo), "skyresearch.yaml: missing");
        Files.writeString(config, good);
        assertUsageError(launcher.launch("run", "--repo", repo, "--set", "verify.alpha=7"), "--set verify.alpha");
    }

    @Test
    void badPatches(QuarkusMainLauncher launcher) throws Exception {
        String repo = initialised();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "t").exitCode());
        assertUsageError(launcher.launch("submit", "--repo", repo, "--patch", patches.resolve("nope.diff").toString(),
                "--desc", "x"), "nope.diff does not exist");
        Path prose = Files.writeString(patches.resolve("prose.txt"), "not a diff\n");
        assertUsageError(launcher.launch("submit", "--repo", repo, "--patch", prose.toString(), "--desc", "x"),
                "prose.txt is not a diff");
        assertFalse(Files.exists(root.resolve(".skyresearch/inbox")) && Files.list(root.resolve(".skyresearch/inbox"))
                .findAny().isPresent(), "nothing was handed to the run");

        Path bench = SyntheticTarget.patch(patches, "bench.diff", "autoresearch.sh", "#!/usr/bin/env bash", "#!/bin/bash");
        LaunchResult protectedEdit = launcher.launch("submit", "--repo", repo, "--patch", bench.toString(), "--desc", "x");
        assertEquals(2, protectedEdit.exitCode());
        assertTrue(protectedEdit.getOutput().contains("touches protected path autoresearch.sh"), protectedEdit.getOutput());
        Path outside = SyntheticTarget.patch(patches, "escape.diff", "../outside.txt", "a", "b");
        LaunchResult escape = launcher.launch("submit", "--repo", repo, "--patch", outside.toString(), "--desc", "x");
        assertEquals(2, escape.exitCode());
        assertTrue(escape.getOutput().contains("path escapes the tree: ../outside.txt"), escape.getOutput());
        Path stale = SyntheticTarget.costPatch(patches, "stale.diff", "99", "98");
        LaunchResult conflict = launcher.launch("submit", "--repo", repo, "--patch", stale.toString(), "--desc", "x");
        assertTrue(conflict.getOutput().contains("does not apply to"), conflict.getOutput());
        Path good = SyntheticTarget.costPatch(patches, "good.diff", "100", "90");
        assertEquals(0, launcher.launch("submit", "--repo", repo, "--patch", good.toString(), "--desc", "x").exitCode());
        LaunchResult duplicate = launcher.launch("submit", "--repo", repo, "--patch", good.toString(), "--desc", "again");
        assertTrue(duplicate.getOutput().contains("duplicate: the same change was submitted before"), duplicate.getOutput());

        assertEquals(0, launcher.launch("run", "--repo", repo, "--until-empty", "--set", "verify.verify_pairs=6").exitCode());
        assertEquals(4, JsonlJournal.read(root.resolve("autoresearch.jsonl")).entries().stream()
                .filter(entry -> entry instanceof dev.skyresearch.engine.JournalEntry.Rejection).count(),
                "every refused candidate is recorded as rejected");
    }

    @Test
    void aBenchmarkThatPrintsNoMetricStopsTheRunAtTheBaseline(QuarkusMainLauncher launcher) throws Exception {
        String repo = initialised();
        SyntheticTarget.write(root, "autoresearch.sh", "#!/usr/bin/env bash\necho 'time: 1.0s'\n", true);
        dev.skyresearch.workspace.TestCommits.commitAll(root, "bench");
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "t").exitCode());
        assertUsageError(launcher.launch("run", "--repo", repo, "--until-empty"),
                "benchmark printed no 'METRIC time_s=<value>' line");
    }

    @Test
    void aNotANumberMetricStopsTheRunAtTheBaseline(QuarkusMainLauncher launcher) throws Exception {
        String repo = initialised();
        SyntheticTarget.write(root, "autoresearch.sh", "#!/usr/bin/env bash\necho 'METRIC time_s=nan'\n", true);
        dev.skyresearch.workspace.TestCommits.commitAll(root, "bench");
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "t").exitCode());
        assertUsageError(launcher.launch("run", "--repo", repo, "--until-empty"), "METRIC time_s has a non-numeric value 'nan'");
    }

    @Test
    void aBenchmarkChangedAfterInitStopsTheRun(QuarkusMainLauncher launcher) throws Exception {
        String repo = initialised();
        assertEquals(0, launcher.launch("init", "--repo", repo, "--tag", "t").exitCode());
        Files.writeString(root.resolve(".skyresearch/protected.json"),
                Files.readString(root.resolve(".skyresearch/protected.json")).replaceFirst("\"[0-9a-f]{64}\"", "\"0000\""));
        assertUsageError(launcher.launch("run", "--repo", repo, "--until-empty"), "protected files changed since init");
    }
}
