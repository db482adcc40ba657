package dev.skyresearch.workspace;

import java.util.List;

/**
 * A candidate as stored in git: a commit whose parent is {@code base}, kept alive by a ref under
 * refs/skyresearch/candidates/. {@code diffHash} identifies the change itself, wherever it was applied.
 */
public record PreparedCandidate(String id, String commit, String base, String diffHash, List<String> paths) {
    public PreparedCandidate {
        paths = List.copyOf(paths);
    }
}
