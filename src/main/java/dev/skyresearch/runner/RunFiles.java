package dev.skyresearch.runner;

import java.nio.file.Path;

/** Where a run keeps its files, relative to the target repository's root. Immutable. */
public record RunFiles(Path root) {
    public static final String STATE_DIR = ".skyresearch";

    public Path config() {
        return root.resolve("skyresearch.yaml");
    }

    public Path journal() {
        return root.resolve("autoresearch.jsonl");
    }

    public Path resultsTsv() {
        return root.resolve("results.tsv");
    }

    public Path summary() {
        return root.resolve("autoresearch.md");
    }

    public Path improvements() {
        return root.resolve("IMPROVEMENTS.md");
    }

    public Path state() {
        return root.resolve(STATE_DIR);
    }

    public Path inbox() {
        return state().resolve("inbox");
    }

    public Path candidates() {
        return state().resolve("candidates");
    }

    public Path statusFile() {
        return state().resolve("status.json");
    }

    public Path runLock() {
        return state().resolve("run.lock");
    }

    public Path submitLock() {
        return state().resolve("submit.lock");
    }

    public Path protectedHashes() {
        return state().resolve("protected.json");
    }

    public Path logs() {
        return state().resolve("logs");
    }

    public Path experimentLog(String experimentId) {
        return logs().resolve(experimentId + ".log");
    }
}
