package dev.skyresearch.workspace;

import static dev.skyresearch.workspace.TestRepos.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateFactoryTest {
    private static final String MAIN = lines("int main(void)", "{", "    int x = 1;", "    int y = 2;", "    int z = 3;",
            "    int w = 4;", "    return x + y + z + w;", "}");
    @TempDir
    Path root;
    private TargetRepository repository;
    private CandidateFactory factory;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        base = TestRepos.create(root, Map.of("src/main.c", MAIN, "autoresearch.sh", "echo METRIC t=1\n",
                "README.md", "hello\n"));
        repository = TargetRepository.open(root);
        factory = new CandidateFactory(repository, new ScopeRules(List.of("src/**"), List.of("autoresearch.sh")));
    }

    @AfterEach
    void tearDown() {
        repository.close();
    }

    private static String patch(String path, String from, String to) {
        return lines("diff --git a/" + path + " b/" + path, "--- a/" + path, "+++ b/" + path, "@@ -3,1 +3,1 @@",
                "-" + from, "+" + to);
    }

    private PreparedCandidate submit(String patch) throws Exception {
        return factory.fromPatch(patch, base, new CandidateInfo("change x", "x.diff"));
    }

    @Test
    void aPatchBecomesACommitOnTheBaseWithoutTouchingTheWorkingTree() throws Exception {
        PreparedCandidate candidate = submit(patch("src/main.c", "    int x = 1;", "    int x = 10;"));
        assertEquals(base, candidate.base());
        assertEquals(List.of("src/main.c"), candidate.paths());
        assertTrue(candidate.id().startsWith("c-"));
        String changed = new String(repository.readFile(candidate.commit(), "src/main.c").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(changed.contains("int x = 10;"));
        assertEquals(MAIN, Files.readString(root.resolve("src/main.c")), "the working tree is never edited");
        assertEquals(candidate.commit(), repository.repository().exactRef("refs/skyresearch/candidates/" + candidate.id())
                .getObjectId().getName());
    }

    @Test
    void refusesPathsOutsideTheScopeOrProtected() {
        assertEquals("touches protected path autoresearch.sh", reason(lines("diff --git a/autoresearch.sh b/autoresearch.sh",
                "--- a/autoresearch.sh", "+++ b/autoresearch.sh", "@@ -1 +1 @@", "-echo METRIC t=1", "+echo METRIC t=0")));
        assertEquals("outside scope (include: src/**): README.md", reason(lines("diff --git a/README.md b/README.md",
                "--- a/README.md", "+++ b/README.md", "@@ -1 +1 @@", "-hello", "+bye")));
    }

    @Test
    void refusesPathsThatEscapeTheTree() {
        assertEquals("path escapes the tree: ../etc/passwd", reason(lines("--- a/../etc/passwd", "+++ b/../etc/passwd",
                "@@ -1 +1 @@", "-a", "+b")));
    }

    @Test
    void refusesBinaryPatches() {
        assertEquals("binary patch for src/logo.png", reason(lines("diff --git a/src/logo.png b/src/logo.png",
                "new file mode 100644", "index 0000000..1111111", "Binary files /dev/null and b/src/logo.png differ")));
    }

    @Test
    void refusesAPatchThatDoesNotApply() {
        String reason = reason(patch("src/main.c", "    int x = 99;", "    int x = 10;"));
        assertTrue(reason.startsWith("does not apply to " + base.substring(0, 7)), reason);
    }

    @Test
    void textThatIsNotADiffIsBadInputNotARejection() {
        NotADiffException error = assertThrows(NotADiffException.class, () -> submit("just some words\n"));
        assertEquals("x.diff is not a diff: no 'diff --git' or '---/+++' header found", error.getMessage());
    }

    @Test
    void theSameChangeHasTheSameHashAsAPatchWithMoreContextAndAsADirectory() throws Exception {
        PreparedCandidate narrow = submit(patch("src/main.c", "    int x = 1;", "    int x = 10;"));
        String wide = lines("diff --git a/src/main.c b/src/main.c", "--- a/src/main.c", "+++ b/src/main.c",
                "@@ -1,5 +1,5 @@", " int main(void)", " {", "-    int x = 1;", "+    int x = 10;", "     int y = 2;",
                "     int z = 3;");
        PreparedCandidate widePatch = submit(wide);
        Path copy = Files.createTempDirectory("candidate-copy");
        TestRepos.write(copy, Map.of("src/main.c", MAIN.replace("int x = 1;", "int x = 10;"),
                "autoresearch.sh", "echo METRIC t=1\n", "README.md", "hello\n", "build/out.o", "junk"));
        Files.writeString(copy.resolve(".gitignore"), "build/\n");
        ScopeRules withIgnore = new ScopeRules(List.of("src/**", ".gitignore"), List.of("autoresearch.sh"));
        PreparedCandidate fromDirectory = new CandidateFactory(repository, withIgnore)
                .fromDirectory(copy, base, new CandidateInfo("change x", "copy"));
        assertEquals(narrow.diffHash(), widePatch.diffHash());
        assertEquals(List.of(".gitignore", "src/main.c"), fromDirectory.paths(), "ignored build output stays out");
        PreparedCandidate other = submit(patch("src/main.c", "    int x = 1;", "    int x = 11;"));
        assertNotEquals(narrow.diffHash(), other.diffHash());
    }

    @Test
    void refusesAChangeThatChangesNothing() throws Exception {
        Path copy = Files.createTempDirectory("candidate-same");
        TestRepos.write(copy, Map.of("src/main.c", MAIN, "autoresearch.sh", "echo METRIC t=1\n", "README.md", "hello\n"));
        CandidateRejectedException error = assertThrows(CandidateRejectedException.class,
                () -> factory.fromDirectory(copy, base, new CandidateInfo("nothing", "copy")));
        assertTrue(error.getMessage().startsWith("empty: the change does nothing"), error.getMessage());
    }

    private String reason(String patch) {
        return assertThrows(CandidateRejectedException.class, () -> submit(patch)).getMessage();
    }
}
