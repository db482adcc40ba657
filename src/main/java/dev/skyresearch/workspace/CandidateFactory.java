package dev.skyresearch.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns a patch, or a changed copy of the tree, into a candidate commit on top of a base commit, in git
 * objects only. Refuses what may not run: paths outside the tree or the scope, protected paths, binary
 * patches, patches that do not apply, and changes that change nothing.
 */
public final class CandidateFactory {
    private static final String CANDIDATE_REFS = "refs/skyresearch/candidates/";
    private final TargetRepository target;
    private final ScopeRules scope;

    public CandidateFactory(TargetRepository target, ScopeRules scope) {
        this.target = target;
        this.scope = scope;
    }

    public PreparedCandidate fromPatch(String patchText, String base, CandidateInfo info)
            throws CandidateRejectedException {
        Patch patch = parse(patchText, info);
        for (FileHeader file : patch.getFiles()) {
            check(file);
        }
        Repository repository = target.repository();
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            RevCommit baseCommit = walk.parseCommit(ObjectId.fromString(base));
            PatchApplier.Result result = new PatchApplier(repository, baseCommit.getTree(), inserter).applyPatch(patch);
            if (!result.getErrors().isEmpty()) {
                throw new CandidateRejectedException("does not apply to " + base.substring(0, 7) + ": "
                        + result.getErrors().get(0).toString().replaceAll("\\s+", " ").strip());
            }
            inserter.flush();
            return store(baseCommit, result.getTreeId(), info, inserter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PreparedCandidate fromDirectory(Path directory, String base, CandidateInfo info)
            throws CandidateRejectedException {
        Repository repository = target.repository();
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            RevCommit baseCommit = walk.parseCommit(ObjectId.fromString(base));
            ObjectId tree = DirectoryTree.write(directory, inserter);
            inserter.flush();
            return store(baseCommit, tree, info, inserter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PreparedCandidate store(RevCommit base, ObjectId tree, CandidateInfo info, ObjectInserter inserter)
            throws IOException, CandidateRejectedException {
        NormalisedDiff.Change change = NormalisedDiff.between(target.repository(), base.getTree(), tree);
        if (change.paths().isEmpty()) {
            throw new CandidateRejectedException("empty: the change does nothing to " + base.getName().substring(0, 7));
        }
        for (String path : change.paths()) {
            Optional<String> violation = scope.violation(path);
            if (violation.isPresent()) {
                throw new CandidateRejectedException(violation.get());
            }
        }
        String id = "c-" + change.hash().substring(0, 10);
        String message = info.description().isBlank() ? "skyresearch candidate " + id : info.description();
        ObjectId commit = Commits.insert(inserter, tree, base, message, target.identity());
        Refs.move(target.repository(), CANDIDATE_REFS + id, Refs.current(target.repository(), CANDIDATE_REFS + id),
                commit, "skyresearch: candidate");
        return new PreparedCandidate(id, commit.getName(), base.getName(), change.hash(), change.paths());
    }

    private static Patch parse(String text, CandidateInfo info) {
        Patch patch = new Patch();
        try {
            patch.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (patch.getFiles().isEmpty()) {
            throw new NotADiffException(info.sourceName() + " is not a diff: no 'diff --git' or '---/+++' header found");
        }
        return patch;
    }

    private void check(FileHeader file) throws CandidateRejectedException {
        for (String path : List.of(file.getOldPath(), file.getNewPath())) {
            if (path == null || path.equals(FileHeader.DEV_NULL)) {
                continue;
            }
            if (path.startsWith("/") || path.equals("..") || path.startsWith("../") || path.contains("/../")
                    || path.endsWith("/..")) {
                throw new CandidateRejectedException("path escapes the tree: " + path);
            }
            if (path.equals(Constants.DOT_GIT) || path.startsWith(Constants.DOT_GIT + "/")) {
                throw new CandidateRejectedException("path escapes the tree: " + path);
            }
            Optional<String> violation = scope.violation(path);
            if (violation.isPresent()) {
                throw new CandidateRejectedException(violation.get());
            }
        }
        if (file.getPatchType() != FileHeader.PatchType.UNIFIED) {
            throw new CandidateRejectedException("binary patch for " + NormalisedDiff.path(file));
        }
    }
}
