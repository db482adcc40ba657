package dev.skyresearch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.workspace.RepositoryInit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run, then run again: every candidate ends with exactly one decision, no measurement
 * is journaled twice, and the run branch holds exactly the journal's keeps.
 */
class ResumeIT {
    private static final int PARTS = 6;
    @TempDir
    Path root;
    @TempDir
    Path work;

    @Test
    void aRunKilledMidwayResumesWithoutLosingOrRepeatingADecision() throws Exception {
        createTarget();
        assertEquals(0, PackagedCli.run(work.resolve("init"), Duration.ofMinutes(1), "init", "--repo", root.toString(),
                "--tag", "resume").exitCode());
        for (int part = 1; part <= PARTS; part++) {
            String to = part % 2 == 0 ? "70" : "100";
            Path patch = work.resolve("part" + part + ".diff");
            Files.writeString(patch, String.join("\n", "diff --git a/src/part" + part + " b/src/part" + part,
                    "--- a/src/part" + part, "+++ b/src/part" + part, "@@ -1 +1 @@", "-100", "+" + to) + "\n");
            PackagedCli.Result submit = PackagedCli.run(work.resolve("submit" + part), Duration.ofMinutes(1), "submit",
                    "--repo", root.toString(), "--patch", patch.toString(), "--desc", "part " + part + " to " + to);
            assertEquals(to.equals("100") ? 2 : 0, submit.exitCode(), submit.stdout() + submit.stderr());
        }

        Process first = PackagedCli.start(work.resolve("first"), "run", "--repo", root.toString(), "--no-tui");
        Path journal = root.resolve("autoresearch.jsonl");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (runs(journal) < 4 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor();
        int before = runs(journal);
        assertTrue(before >= 4 && before < 20, "killed mid-run after " + before + " lines");

        PackagedCli.Result second = PackagedCli.run(work.resolve("second"), Duration.ofMinutes(5), "run", "--repo",
                root.toString(), "--until-empty", "--no-tui");
        assertEquals(0, second.exitCode(), second.stdout() + second.stderr());

        List<JournalEntry> entries = JsonlJournal.read(journal).entries();
        Map<CandidateId, Integer> decisions = new HashMap<>();
        Set<String> experiments = new HashSet<>();
        List<CandidateId> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            int number = entry instanceof JournalEntry.Run run ? run.run() : ((JournalEntry.Rejection) entry).run();
            assertEquals(i + 1, number, "run numbers count up without gaps or repeats");
            if (entry instanceof JournalEntry.Run run) {
                assertTrue(experiments.add(run.experiment().id().toString()), "measured twice: " + run.experiment().id());
                if (Set.of("keep", "discard", "crash", "checks_failed").contains(run.status())
                        && run.experiment().candidate().isPresent()) {
                    decisions.merge(run.experiment().candidate().get(), 1, Integer::sum);
                    if (run.status().equals("keep")) {
                        kept.add(run.experiment().candidate().get());
                    }
                }
            } else {
                JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
                decisions.merge(rejection.candidate(), 1, Integer::sum);
            }
        }
        assertEquals(PARTS, decisions.size(), "every candidate was decided: " + decisions);
        assertTrue(decisions.values().stream().allMatch(count -> count == 1), "one decision each: " + decisions);
        assertEquals(PARTS / 2, kept.size(), "each real gain was kept: " + kept);
        try (Git git = Git.open(root.toFile())) {
            int keepsOnBranch = 0;
            for (RevCommit commit : git.log().add(git.getRepository().resolve("autoresearch/resume")).call()) {
                keepsOnBranch += commit.getFullMessage().contains("\nResult: ") ? 1 : 0;
            }
            assertEquals(kept.size(), keepsOnBranch);
        }
    }

    private static int runs(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return 0;
        }
        return (int) Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{\"run\"")).count();
    }

    /** Six independent parts each costing 100; the benchmark sleeps a little so jobs are in flight when killed. */
    private void createTarget() throws Exception {
        for (int part = 1; part <= PARTS; part++) {
            write("src/part" + part, "100\n", false);
        }
        write("autoresearch.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                sleep 0.1
                total=$(cat build/part* | awk '{ s += $1 } END { print s }')
                seed=$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 ))
                awk -v c="$total" -v seed="$seed" 'BEGIN {
                    srand(seed)
                    for (i = 0; i < 3; i++) printf "METRIC time_s=%.6f\\n", c * (0.995 + 0.01 * rand())
                }'
                """, true);
        write("autoresearch.checks.sh", "#!/usr/bin/env bash\ntest -s build/part1\n", true);
        write("skyresearch.yaml", """
                metric: {name: time_s, direction: lower}
                build: "mkdir -p build && cp src/part* build/"
                bench: {script: autoresearch.sh, timeout: 30s}
                checks: {script: autoresearch.checks.sh, timeout: 30s}
                scope: {include: ["src/**"]}
                fleet: {size: 2}
                verify: {screen_pairs: 3, verify_pairs: 8}
                """, false);
        write(".gitignore", "build/\n", false);
        RepositoryInit.initialCommit(root, "six parts", new PersonIdent("Test", "test@example.com"));
    }

    private void write(String path, String text, boolean executable) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        if (executable) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
