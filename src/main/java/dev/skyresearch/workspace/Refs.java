package dev.skyresearch.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/** Compare-and-swap ref moves: a ref moves only from the value the caller expects. */
final class Refs {
    private Refs() {
    }

    /** The ref's current value, or null when it does not exist. */
    static ObjectId current(Repository repository, String ref) {
        try {
            var found = repository.exactRef(ref);
            return found == null ? null : found.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves {@code ref} from {@code expected} (null: must not exist, or any value for a fresh create) to {@code to}. */
    static void move(Repository repository, String ref, ObjectId expected, ObjectId to, String reason) {
        try {
            RefUpdate update = repository.updateRef(ref);
            update.setNewObjectId(to);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
            update.setRefLogMessage(reason, false);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
                }
                default -> throw new WorkspaceException("could not move " + ref + " to " + to.getName().substring(0, 7)
                        + " (" + result + "): it moved under us; is another program writing to this branch?");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
