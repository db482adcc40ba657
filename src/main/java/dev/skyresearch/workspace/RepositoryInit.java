package dev.skyresearch.workspace;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Makes a new repository from the files in a folder, with one commit: how the demo creates its sample target. */
public final class RepositoryInit {
    private RepositoryInit() {
    }

    /** Runs `git init -b main`, adds every file (honouring .gitignore) and commits; returns the commit's sha. */
    public static String initialCommit(Path directory, String message, PersonIdent author) throws IOException {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false)
                    .call().getName();
        } catch (GitAPIException e) {
            throw new IOException("cannot create the repository in " + directory + ": " + e.getMessage(), e);
        }
    }
}
