package dev.skyresearch.backend.sky;

/** One row of {@code sky queue -o json}: the job's id, the name we gave it, and its status. */
record QueuedJob(int id, String name, JobState state) {}
