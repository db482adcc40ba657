package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.FS;

/**
 * Writes a folder (an agent's changed copy of the tree) as a git tree object. Honours the folder's .gitignore
 * files and skips .git and .skyresearch, so build output and state never become part of a candidate.
 */
final class DirectoryTree {
    private DirectoryTree() {
    }

    static ObjectId write(Path directory, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        FileTreeIterator files = new FileTreeIterator(directory.toFile(), FS.DETECTED,
                new Config().get(WorkingTreeOptions.KEY));
        try (TreeWalk walk = new TreeWalk(null, inserter.newReader())) {
            walk.addTree(files);
            while (walk.next()) {
                FileTreeIterator entry = walk.getTree(0, FileTreeIterator.class);
                String name = walk.getNameString();
                if (entry.isEntryIgnored() || name.equals(Constants.DOT_GIT) || name.equals(".skyresearch")) {
                    continue;
                }
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                    continue;
                }
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue;
                }
                DirCacheEntry cacheEntry = new DirCacheEntry(walk.getPathString());
                cacheEntry.setFileMode(mode);
                try (InputStream content = entry.openEntryStream()) {
                    cacheEntry.setObjectId(inserter.insert(Constants.OBJ_BLOB, entry.getEntryContentLength(), content));
                }
                builder.add(cacheEntry);
            }
        }
        builder.finish();
        return index.writeTree(inserter);
    }
}
