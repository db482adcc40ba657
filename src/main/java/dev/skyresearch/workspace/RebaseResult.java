package dev.skyresearch.workspace;

import java.util.List;

/** What replaying a candidate onto a new best gave: a new commit, or the paths that conflict. */
public sealed interface RebaseResult {
    record Rebased(String commit) implements RebaseResult {}

    record Conflicted(List<String> paths) implements RebaseResult {
        public Conflicted {
            paths = List.copyOf(paths);
        }
    }
}
