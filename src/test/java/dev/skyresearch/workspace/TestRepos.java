package dev.skyresearch.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Real git repositories in temporary folders, with a fixed author so no user config is read. */
final class TestRepos {
    static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

    private TestRepos() {
    }

    /** A repository with the given files committed once; returns the commit. */
    static String create(Path root, Map<String, String> files) throws IOException {
        write(root, files);
        return RepositoryInit.initialCommit(root, "initial", AUTHOR);
    }

    static String commit(Path root, Map<String, String> files, String message) throws IOException {
        write(root, files);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().getName();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
    }

    static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
