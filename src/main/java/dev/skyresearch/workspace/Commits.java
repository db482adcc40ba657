package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Writes commits from git objects alone, with an in-memory index: the user's index is never used. */
final class Commits {
    private Commits() {
    }

    static String withFiles(TargetRepository target, String parent, Map<String, byte[]> files,
                            Map<String, Boolean> executable, String message, String branch) {
        Repository repository = target.repository();
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader();
             RevWalk walk = new RevWalk(reader)) {
            RevCommit parentCommit = walk.parseCommit(ObjectId.fromString(parent));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], 0, reader, parentCommit.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue());
                FileMode mode = executable.getOrDefault(file.getKey(), false) ? FileMode.EXECUTABLE_FILE
                        : FileMode.REGULAR_FILE;
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(mode);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            ObjectId commit = insert(inserter, tree, parentCommit, message, target.identity());
            Refs.move(repository, Constants.R_HEADS + branch, parentCommit, commit, "skyresearch: " + firstLine(message));
            return commit.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectId insert(ObjectInserter inserter, ObjectId tree, ObjectId parent, String message, PersonIdent who)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        return id;
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
