package dev.skyresearch.backend.sky;

/**
 * A {@code sky} call that failed, by what the caller should do about it. The fault-tolerance guards retry
 * {@link Transient} and abort on everything else.
 */
abstract sealed class SkyFailure extends RuntimeException
        permits SkyFailure.Transient, SkyFailure.Permanent, SkyFailure.ClusterGone, SkyFailure.ClusterDown {

    SkyFailure(String message) {
        super(message, null, false, false);
    }

    static SkyFailure of(String command, SkyError error) {
        String message = command + ": " + error;
        return switch (error.kind()) {
            case TRANSIENT -> new Transient(message);
            case PERMANENT -> new Permanent(message);
            case CLUSTER_GONE -> new ClusterGone(message);
            case CLUSTER_DOWN -> new ClusterDown(message);
        };
    }

    /** Worth another try after a pause. */
    static final class Transient extends SkyFailure {
        Transient(String message) {
            super(message);
        }
    }

    /** Retrying cannot help; the user has to change something. */
    static final class Permanent extends SkyFailure {
        Permanent(String message) {
            super(message);
        }
    }

    /** The cluster no longer exists: its job is lost, and a fresh cluster takes its place. */
    static final class ClusterGone extends SkyFailure {
        ClusterGone(String message) {
            super(message);
        }
    }

    /** The cluster is stopped or stopping and runs nothing until it is started again. */
    static final class ClusterDown extends SkyFailure {
        ClusterDown(String message) {
            super(message);
        }
    }
}
