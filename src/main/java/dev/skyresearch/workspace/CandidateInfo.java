package dev.skyresearch.workspace;

/** What the candidate's commit message says, and the name of the file it came from, for messages. */
public record CandidateInfo(String description, String sourceName) {
}
