package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Puts a verified winner on the run branch: a commit with the candidate's tree whose parent is the best it was
 * measured against, then a compare-and-swap of the branch ref. The working tree, index and HEAD stay as they are
 * (if the user has the run branch checked out, their checkout simply falls behind it).
 */
public final class WinnerCommitter {
    private final TargetRepository target;

    public WinnerCommitter(TargetRepository target) {
        this.target = target;
    }

    public String commit(String branch, String expectedBest, String candidateCommit, String message) {
        Repository repository = target.repository();
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit candidate = walk.parseCommit(ObjectId.fromString(candidateCommit));
            if (candidate.getParentCount() != 1 || !candidate.getParent(0).getName().equals(expectedBest)) {
                throw new IllegalStateException("candidate " + candidateCommit.substring(0, 7)
                        + " is not based on the best " + expectedBest.substring(0, 7) + "; rebase it first");
            }
            String current = target.branchCommit(branch).orElse("none");
            if (!current.equals(expectedBest)) {
                throw new WorkspaceException("run branch " + branch + " moved under us: expected "
                        + expectedBest.substring(0, 7) + ", found " + current.substring(0, Math.min(7, current.length())));
            }
            ObjectId commit = Commits.insert(inserter, candidate.getTree(), ObjectId.fromString(expectedBest), message,
                    target.identity());
            Refs.move(repository, Constants.R_HEADS + branch, ObjectId.fromString(expectedBest), commit,
                    "skyresearch: keep " + Commits.firstLine(message));
            return commit.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
