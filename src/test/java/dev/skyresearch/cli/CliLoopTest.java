package dev.skyresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.engine.JournalEntry;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop through the command line, on a synthetic target whose true effects are known. */
@QuarkusMainTest
class CliLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path root;
    @TempDir
    Path patches;

    @Test
    void initSubmitRunStatusAndResultsKeepOnlyTheRealGain(QuarkusMainLauncher launcher) throws Exception {
        SyntheticTarget.create(root, "100");
        String repo = root.toString();
        LaunchResult init = launcher.launch("init", "--repo", repo, "--tag", "t");
        assertEquals(0, init.exitCode(), init.getErrorOutput());
        assertTrue(init.getOutput().contains("kept   autoresearch.sh"), init.getOutput());

        LaunchResult validate = launcher.launch("validate", "--repo", repo);
        assertEquals(0, validate.exitCode(), validate.getErrorOutput());
        assertTrue(validate.getOutput().matches("(?s).*samples   3 x METRIC time_s: median (99\\.|100\\.).*"),
                validate.getOutput());
        assertTrue(validate.getOutput().contains("warning: METRIC time_s says"),
                "the synthetic benchmark reports 100 s but runs in milliseconds: " + validate.getOutput());
        assertTrue(validate.getOutput().contains("ok: autoresearch.sh prints METRIC time_s"), validate.getOutput());

        Path faster = SyntheticTarget.costPatch(patches, "faster.diff", "100", "85");
        Path nothing = SyntheticTarget.patch(patches, "notes.diff", "src/notes.txt", "one", "uno");
        LaunchResult submit = launcher.launch("submit", "--repo", repo, "--patch", faster.toString(), nothing.toString(),
                "--desc", "cost 85", "--desc", "rename a note", "--priority", "1");
        assertEquals(0, submit.exitCode(), submit.getErrorOutput());

        LaunchResult run = launcher.launch("run", "--repo", repo, "--until-empty", "--no-tui");
        assertEquals(0, run.exitCode(), run.getErrorOutput() + run.getOutput());
        assertTrue(run.getOutput().contains("1 kept, 1 discarded"), run.getOutput());

        LaunchResult status = launcher.launch("status", "--repo", repo, "--json");
        assertEquals(0, status.exitCode());
        JsonNode json = JSON.readTree(status.getOutput());
        assertEquals(1, json.path("candidates_by_status").path("kept").asInt());
        assertEquals(100.0, json.path("baseline").asDouble(), 2.0);
        assertEquals(0.15, json.path("gain").asDouble(), 0.03);
        assertTrue(json.path("candidates").get(0).path("verdict").path("p").asDouble() < 0.01);

        try (Git git = Git.open(root.toFile())) {
            assertEquals("main", git.getRepository().getBranch(), "the user's checkout never moves");
            assertTrue(git.status().call().getModified().isEmpty());
        }
        List<JournalEntry> entries = JsonlJournal.read(root.resolve("autoresearch.jsonl")).entries();
        assertTrue(entries.stream().anyMatch(e -> e instanceof JournalEntry.Run r && r.status().equals("keep")
                && r.description().equals("cost 85")));
        LaunchResult tsv = launcher.launch("results", "--repo", repo, "--tsv");
        assertTrue(tsv.getOutput().contains("\tkeep\tcost 85"), tsv.getOutput());
        LaunchResult results = launcher.launch("results", "--repo", repo, "--json");
        assertEquals(entries.size(), JSON.readTree(results.getOutput()).size());
        assertTrue(Files.readString(root.resolve("IMPROVEMENTS.md")).contains("cost 85"));

        LaunchResult ab = launcher.launch("ab", "--repo", repo, "main", "--pairs", "4", "--json");
        assertEquals(0, ab.exitCode(), ab.getErrorOutput());
        JsonNode abResult = JSON.readTree(ab.getOutput());
        assertEquals(4, abResult.path("pairs").size());
        assertEquals(100 / 85.0, abResult.path("verdict").path("median_ratio").asDouble(), 0.03, "main costs 100, best 85");
        assertEquals(false, abResult.path("verdict").path("faster").asBoolean());
        LaunchResult unknown = launcher.launch("ab", "--repo", repo, "no-such-thing");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.getErrorOutput().contains("is neither a candidate id"), unknown.getErrorOutput());

        LaunchResult again = launcher.launch("run", "--repo", repo, "--until-empty", "--json");
        assertEquals(0, again.exitCode());
        List<JournalEntry> after = JsonlJournal.read(root.resolve("autoresearch.jsonl")).entries();
        assertEquals(entries.size(), after.size(), "a second run with nothing queued measures nothing");
        assertTrue(entries.equals(after), "a second run with nothing queued decides nothing again");
        for (String line : again.getOutput().split("\n")) {
            JSON.readTree(line);
        }
    }
}
