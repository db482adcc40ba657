package dev.skyresearch.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skyresearch.engine.CandidateStatus;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.Engine;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Notice;
import dev.skyresearch.engine.Policy;
import dev.skyresearch.journal.JsonlJournal;
import dev.skyresearch.journal.RunSummary;
import dev.skyresearch.testing.FakeBackend;
import dev.skyresearch.workspace.CandidateFactory;
import dev.skyresearch.workspace.CandidateInfo;
import dev.skyresearch.workspace.PreparedCandidate;
import dev.skyresearch.workspace.Rebaser;
import dev.skyresearch.workspace.RepositoryInit;
import dev.skyresearch.workspace.ScopeRules;
import dev.skyresearch.workspace.TargetRepository;
import dev.skyresearch.workspace.WinnerCommitter;
import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.CandidateId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner thread with a backend that answers at once: journal, commits and rebases, without any waiting. */
class EngineRunnerTest {
    @TempDir
    Path root;

    @Test
    void twoWinnersFoundTogetherAreBothCommittedOneOnTopOfTheOther() throws Exception {
        Files.writeString(root.resolve("a.txt"), "10\n");
        Files.writeString(root.resolve("b.txt"), "10\n");
        String base = RepositoryInit.initialCommit(root, "base", new PersonIdent("T", "t@example.com"));
        try (TargetRepository repository = TargetRepository.open(root)) {
            repository.createBranch("autoresearch/t", base);
            CandidateFactory factory = new CandidateFactory(repository, new ScopeRules(List.of("**"), List.of()));
            RunFiles files = new RunFiles(root);
            CandidateStore store = new CandidateStore(files);
            for (String file : List.of("a.txt", "b.txt")) {
                PreparedCandidate prepared = factory.fromPatch(String.join("\n", "--- a/" + file, "+++ b/" + file,
                        "@@ -1 +1 @@", "-10", "+8") + "\n", base, new CandidateInfo("shrink " + file, file));
                store.deliver(new InboxItem.Accepted(new Candidate(new CandidateId(prepared.id()), prepared.commit(), base,
                        "shrink " + file, "test", 0, "w-1", prepared.diffHash(), prepared.paths(), 1)), 1);
            }
            // The cost of a tree is the sum of its two numbers: each candidate saves 10%, both together 20%.
            FakeBackend backend = new FakeBackend(2, commit -> cost(repository, commit));
            List<Notice> notices = new CopyOnWriteArrayList<>();
            Engine engine = new Engine(Policy.defaults(Direction.LOWER), base, 0);
            StatusPublisher status = new StatusPublisher(Optional.empty(), new SnapshotJson("t", "b", "cost", ""));
            try (JsonlJournal journal = JsonlJournal.open(files.journal())) {
                JournalViews views = new JournalViews(files, () -> new RunSummary("t", "autoresearch/t", "cost", "",
                        Direction.LOWER, Optional.empty(), Optional.empty()), List.of());
                RunnerParts parts = new RunnerParts(engine, backend, journal, views, store, new Rebaser(repository),
                        new WinnerCommitter(repository), "autoresearch/t", InstantSource.fixed(Instant.EPOCH),
                        notices::add, status, "Build: (none)", 0);
                RunOutcome outcome = new EngineRunner(parts).run(true, Duration.ofMillis(1));
                assertEquals(0, outcome.exitCode(), notices.toString());
                assertEquals(2, outcome.last().count(CandidateStatus.KEPT), notices.toString());
            }
            String best = repository.branchCommit("autoresearch/t").orElseThrow();
            assertEquals(16.0, cost(repository, best), "both changes are on the run branch");
            assertEquals(3, repository.log("autoresearch/t", 10).size());
            String message = repository.log("autoresearch/t", 1).get(0).message();
            assertTrue(message.contains("Build: (none)") && message.contains("\nCandidate: c-")
                    && message.contains("\nResult: {"), message);
            List<JournalEntry> entries = JsonlJournal.read(files.journal()).entries();
            assertTrue(entries.stream().anyMatch(e -> e instanceof JournalEntry.Run run && run.status().equals("keep")
                    && run.commit().equals(best)));
            assertTrue(Files.readString(root.resolve("results.tsv")).contains("keep\tshrink"));
            assertTrue(store.inbox().isEmpty(), "the inbox was taken in");
        }
    }

    private static double cost(TargetRepository repository, String commit) {
        return number(repository, commit, "a.txt") + number(repository, commit, "b.txt");
    }

    private static double number(TargetRepository repository, String commit, String path) {
        return Double.parseDouble(new String(repository.readFile(commit, path).orElseThrow(), StandardCharsets.UTF_8).strip());
    }
}
