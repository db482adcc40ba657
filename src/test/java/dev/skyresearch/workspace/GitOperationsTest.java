package dev.skyresearch.workspace;

import static dev.skyresearch.workspace.TestRepos.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebase, winner commits and trees on disk, against real repositories. */
class GitOperationsTest {
    private static final String A = lines("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
    @TempDir
    Path root;
    private TargetRepository repository;
    private CandidateFactory factory;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        base = TestRepos.create(root, Map.of("src/a.txt", A, "src/b.txt", "b\n", "run.sh", "#!/bin/sh\necho hi\n"));
        repository = TargetRepository.open(root);
        factory = new CandidateFactory(repository, new ScopeRules(List.of("**"), List.of()));
    }

    @AfterEach
    void tearDown() {
        repository.close();
    }

    private PreparedCandidate change(String path, int line, String from, String to) throws Exception {
        String patch = lines("diff --git a/" + path + " b/" + path, "--- a/" + path, "+++ b/" + path,
                "@@ -" + line + " +" + line + " @@", "-" + from, "+" + to);
        return factory.fromPatch(patch, base, new CandidateInfo("set " + to, "p.diff"));
    }

    @Test
    void winnersFoundInParallelCombineByRebasing() throws Exception {
        PreparedCandidate first = change("src/a.txt", 1, "a1", "A1");
        PreparedCandidate second = change("src/a.txt", 8, "a8", "A8");
        repository.createBranch("autoresearch/t", base);
        String best = new WinnerCommitter(repository).commit("autoresearch/t", base, first.commit(), "first");

        RebaseResult rebased = new Rebaser(repository).rebase(second.id(), second.commit(), best);
        String combined = ((RebaseResult.Rebased) rebased).commit();
        String text = new String(repository.readFile(combined, "src/a.txt").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("A1\n") && text.endsWith("A8\n"), text);
        String next = new WinnerCommitter(repository).commit("autoresearch/t", best, combined, "second");
        assertEquals(next, repository.branchCommit("autoresearch/t").orElseThrow());
    }

    @Test
    void aCandidateThatClashesWithTheNewBestReportsTheConflictingPath() throws Exception {
        PreparedCandidate first = change("src/a.txt", 4, "a4", "X4");
        PreparedCandidate second = change("src/a.txt", 4, "a4", "Y4");
        repository.createBranch("autoresearch/t", base);
        String best = new WinnerCommitter(repository).commit("autoresearch/t", base, first.commit(), "first");
        RebaseResult result = new Rebaser(repository).rebase(second.id(), second.commit(), best);
        assertEquals(List.of("src/a.txt"), assertInstanceOf(RebaseResult.Conflicted.class, result).paths());
    }

    @Test
    void committingAWinnerLeavesTheCheckoutAlone() throws Exception {
        Files.writeString(root.resolve("src/b.txt"), "uncommitted edit\n");
        PreparedCandidate winner = change("src/a.txt", 2, "a2", "A2");
        repository.createBranch("autoresearch/t", base);
        String headBefore = repository.headCommit();
        String commit = new WinnerCommitter(repository).commit("autoresearch/t", base, winner.commit(),
                "Faster a2\n\nResult: {}\n");

        assertEquals(headBefore, repository.headCommit());
        assertEquals(A, Files.readString(root.resolve("src/a.txt")));
        assertEquals("uncommitted edit\n", Files.readString(root.resolve("src/b.txt")));
        try (Git git = Git.open(root.toFile())) {
            assertEquals(java.util.Set.of("src/b.txt"), git.status().call().getModified());
            assertTrue(git.status().call().getChanged().isEmpty(), "the index is untouched");
        }
        assertEquals("Faster a2\n\nResult: {}\n", repository.log("autoresearch/t", 1).get(0).message());
        assertEquals(commit, repository.log("autoresearch/t", 5).get(0).sha());
    }

    @Test
    void aWinnerIsRefusedWhenTheBranchMovedUnderTheRun() throws Exception {
        PreparedCandidate winner = change("src/a.txt", 2, "a2", "A2");
        String moved = TestRepos.commit(root, Map.of("src/b.txt", "moved\n"), "someone else");
        repository.createBranch("autoresearch/t", moved);
        WorkspaceException error = assertThrows(WorkspaceException.class,
                () -> new WinnerCommitter(repository).commit("autoresearch/t", base, winner.commit(), "x"));
        assertTrue(error.getMessage().startsWith("run branch autoresearch/t moved under us"), error.getMessage());
    }

    @Test
    void treesAreWrittenWithExecutableBits() throws Exception {
        Path out = Files.createTempDirectory("tree");
        new JGitTreeMaterializer(repository).materialize(base, out);
        assertEquals(A, Files.readString(out.resolve("src/a.txt")));
        assertFalse(Files.exists(out.resolve(".git")));
        assertEquals(Files.isExecutable(root.resolve("run.sh")), Files.isExecutable(out.resolve("run.sh")));
    }

    @Test
    void openingSomethingThatIsNotARepositoryExplainsWhatToDo() throws Exception {
        Path plain = Files.createTempDirectory("plain");
        WorkspaceException error = assertThrows(WorkspaceException.class, () -> TargetRepository.open(plain));
        assertTrue(error.getMessage().endsWith("is not a git repository; run 'git init' there or pass --repo DIR"));
    }
}
