package dev.skyresearch.backend.sky;

import dev.skyresearch.engine.Experiment;

/**
 * One experiment's job on its cluster, as the backend tracks it: submitted (an id) or not yet, being read to the
 * end by one thread at most, and how it is meant to end. Thread-safe.
 */
final class SkyJob {
    /** Why a job ends: on its own, or stopped by us for a reason that decides its outcome. */
    enum Ending { NORMAL, CANCELLED, STOPPED_EARLY, TIMED_OUT, CLUSTER_STUCK }

    private final Experiment experiment;
    private final String name;
    private final long startedAt;
    private int id = -1;
    private boolean completing;
    private Ending ending = Ending.NORMAL;
    private String reason = "";
    private long pendingSince = -1;

    SkyJob(Experiment experiment, String name, long startedAt) {
        this.experiment = experiment;
        this.name = name;
        this.startedAt = startedAt;
    }

    Experiment experiment() {
        return experiment;
    }

    String cluster() {
        return experiment.machine().value();
    }

    String name() {
        return name;
    }

    long startedAt() {
        return startedAt;
    }

    synchronized int id() {
        return id;
    }

    synchronized void submitted(int jobId) {
        id = jobId;
    }

    /** Submitted and not already being read to the end. */
    synchronized boolean watchable() {
        return id >= 0 && !completing;
    }

    /** True for the one caller that gets to read the finished job. */
    synchronized boolean claimForCompletion() {
        if (completing) {
            return false;
        }
        completing = true;
        return true;
    }

    /** The job turned out not to be final yet: watch it again. */
    synchronized void release() {
        completing = false;
    }

    /** Records the first reason to end the job early; true if this call set it. */
    synchronized boolean end(Ending why, String text) {
        if (ending != Ending.NORMAL) {
            return false;
        }
        ending = why;
        reason = text;
        return true;
    }

    synchronized Ending ending() {
        return ending;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized void pendingSince(long now) {
        if (pendingSince < 0) {
            pendingSince = now;
        }
    }

    synchronized long pendingSinceMillis() {
        return pendingSince;
    }
}
