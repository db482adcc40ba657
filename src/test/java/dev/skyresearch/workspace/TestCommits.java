package dev.skyresearch.workspace;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/** Commits everything in a test repository's working tree, with a fixed author. */
public final class TestCommits {
    private TestCommits() {
    }

    public static String commitAll(Path root, String message) throws Exception {
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor(TestRepos.AUTHOR).setCommitter(TestRepos.AUTHOR)
                    .setSign(false).call().getName();
        }
    }
}
