package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The user's repository, opened with JGit. Reads objects and moves refs of skyresearch's own; never touches
 * the working tree, the index or HEAD. Not thread-safe for writes: the runner thread owns them.
 */
public final class TargetRepository implements AutoCloseable {
    private final Path root;
    private final Repository repository;

    private TargetRepository(Path root, Repository repository) {
        this.root = root;
        this.repository = repository;
    }

    public static TargetRepository open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(".git"))) {
            throw new WorkspaceException(root + " is not a git repository; run 'git init' there or pass --repo DIR");
        }
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(root.resolve(".git").toFile())
                    .setWorkTree(root.toFile()).setMustExist(true).build();
            TargetRepository target = new TargetRepository(root, repository);
            if (repository.resolve(Constants.HEAD) == null) {
                target.close();
                throw new WorkspaceException(root + " has no commits yet; commit your code once, then run skyresearch init");
            }
            return target;
        } catch (IOException e) {
            throw new WorkspaceException("cannot open the git repository in " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Repository repository() {
        return repository;
    }

    public String headCommit() {
        return resolve(Constants.HEAD).orElseThrow();
    }

    public Optional<String> branchCommit(String branch) {
        return resolve(Constants.R_HEADS + branch);
    }

    /** Creates refs/heads/{@code branch} at {@code commit}; an existing branch elsewhere is an error. */
    public void createBranch(String branch, String commit) {
        Optional<String> existing = branchCommit(branch);
        if (existing.isPresent() && !existing.get().equals(commit)) {
            throw new WorkspaceException("branch " + branch + " already exists at " + existing.get().substring(0, 7));
        }
        if (existing.isPresent()) {
            return;
        }
        Refs.move(repository, Constants.R_HEADS + branch, null, ObjectId.fromString(commit), "skyresearch: create");
    }

    public Optional<byte[]> readFile(String commit, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, revCommit.getTree())) {
                if (tree == null || tree.isSubtree()) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file path in the commit's tree. */
    public List<String> files(String commit) {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    /** Commits {@code files} on top of {@code parent} and moves {@code branch} there (expected at parent). */
    public String commitFiles(String parent, Map<String, byte[]> files, Map<String, Boolean> executable,
                              String message, String branch) {
        return Commits.withFiles(this, parent, files, executable, message, branch);
    }

    /** The commit a revision (sha, branch, tag, HEAD~2...) names, if it names one. */
    public Optional<String> resolveCommit(String revision) {
        try {
            return Optional.ofNullable(repository.resolve(revision + "^{commit}")).map(ObjectId::getName);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The repository's user.name/email if set, else skyresearch's own identity. */
    public PersonIdent identity() {
        String name = repository.getConfig().getString("user", null, "name");
        String email = repository.getConfig().getString("user", null, "email");
        return new PersonIdent(name == null ? "skyresearch" : name, email == null ? "skyresearch@localhost" : email);
    }

    /** The branch's commits, newest first, at most {@code max}; empty if the branch does not exist. */
    public List<CommitInfo> log(String branch, int max) {
        Optional<String> head = branchCommit(branch);
        List<CommitInfo> commits = new ArrayList<>();
        if (head.isEmpty()) {
            return commits;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(head.get())));
            for (RevCommit commit : walk) {
                if (commits.size() >= max) {
                    break;
                }
                commits.add(new CommitInfo(commit.getName(), commit.getFullMessage(), commit.getCommitTime() * 1000L));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commits;
    }

    private Optional<String> resolve(String revision) {
        try {
            Ref ref = repository.exactRef(revision);
            if (ref != null && ref.getObjectId() != null) {
                return Optional.of(ref.getObjectId().getName());
            }
            ObjectId id = revision.equals(Constants.HEAD) ? repository.resolve(revision) : null;
            return Optional.ofNullable(id).map(ObjectId::getName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
