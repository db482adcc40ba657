package dev.skyresearch.workspace;

/** One commit of a branch's history, newest first when listed. */
public record CommitInfo(String sha, String message, long timeMillis) {
}
