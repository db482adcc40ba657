package dev.skyresearch.backend.sky;

import java.util.Locale;

/** The exception a {@code sky} call ended with, and what it means for the caller (skypilot-cli.md §5). */
record SkyError(String type, String message) {

    /** What to do about a failure. */
    enum Kind {
        /** Capacity, quota, API server down or busy, sync errors, a cluster still in INIT: retry with backoff. */
        TRANSIENT,
        /** The cluster is gone (terminated, autodowned, preempted): replace it, never retry on it. */
        CLUSTER_GONE,
        /** The cluster exists but is STOPPED or AUTOSTOPPING: it cannot run jobs until started. */
        CLUSTER_DOWN,
        /** No cloud access, an infeasible request, a bad task file, a usage error: retrying cannot help. */
        PERMANENT
    }

    Kind kind() {
        String name = type.substring(type.lastIndexOf('.') + 1);
        String text = message.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "ClusterDoesNotExist" -> Kind.CLUSTER_GONE;
            case "ClusterNotUpError" -> text.contains("status: init") ? Kind.TRANSIENT : Kind.CLUSTER_DOWN;
            case "ResourcesUnavailableError" ->
                    text.contains("failed to provision") ? Kind.TRANSIENT : Kind.PERMANENT;
            case "ApiServerConnectionError", "ServerTemporarilyUnavailableError", "CommandError", "ReadTimeout",
                 "ConnectionError", "ConnectTimeout", "RequestCancelled", "FetchClusterInfoError" -> Kind.TRANSIENT;
            case "NoCloudAccessError", "ResourcesMismatchError", "InvalidClusterNameError", "NotSupportedError",
                 "ClusterOwnerIdentityMismatchError", "ApiServerAuthenticationError", "APIVersionMismatchError",
                 "ValueError", "InvalidSkyPilotConfigError" -> Kind.PERMANENT;
            case "UsageError" -> text.contains("does not exist") ? Kind.CLUSTER_GONE : Kind.PERMANENT;
            // Unknown errors are retried a bounded number of times; the per-cluster breaker ends a pattern.
            default -> Kind.TRANSIENT;
        };
    }

    @Override
    public String toString() {
        return type.substring(type.lastIndexOf('.') + 1) + ": " + message;
    }
}
