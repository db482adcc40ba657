package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Replays a candidate onto a new best with a three-way merge in memory (base = the candidate's parent), the
 * way `git cherry-pick` would, so winners found in parallel combine. Never touches the working tree.
 */
public final class Rebaser {
    private static final String CANDIDATE_REFS = "refs/skyresearch/candidates/";
    private final TargetRepository target;

    public Rebaser(TargetRepository target) {
        this.target = target;
    }

    /** Replays candidate {@code id}; its ref under refs/skyresearch/candidates/ follows, so gc keeps the result. */
    public RebaseResult rebase(String id, String candidateCommit, String onto) {
        Repository repository = target.repository();
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit candidate = walk.parseCommit(ObjectId.fromString(candidateCommit));
            if (candidate.getParentCount() == 1 && candidate.getParent(0).getName().equals(onto)) {
                return new RebaseResult.Rebased(candidateCommit);
            }
            RevCommit best = walk.parseCommit(ObjectId.fromString(onto));
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repository.getConfig());
            merger.setBase(candidate.getParent(0));
            if (!merger.merge(best, candidate)) {
                List<String> conflicts = merger.getUnmergedPaths().isEmpty()
                        ? List.copyOf(merger.getFailingPaths().keySet()) : merger.getUnmergedPaths();
                return new RebaseResult.Conflicted(conflicts);
            }
            ObjectId commit = Commits.insert(inserter, merger.getResultTreeId(), best, candidate.getFullMessage(),
                    candidate.getAuthorIdent());
            Refs.move(repository, CANDIDATE_REFS + id, Refs.current(repository, CANDIDATE_REFS + id), commit,
                    "skyresearch: rebase onto " + onto.substring(0, 7));
            return new RebaseResult.Rebased(commit.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
