package dev.skyresearch.runner;

import dev.skyresearch.engine.Candidate;
import dev.skyresearch.journal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The durable queue: .skyresearch/inbox/ (written by `submit`, drained by the run) and
 * .skyresearch/candidates/ (one file per accepted candidate, rewritten on rebase). Every write is atomic,
 * so a reader in another process sees a whole file or none.
 */
public final class CandidateStore {
    private final RunFiles files;

    public CandidateStore(RunFiles files) {
        this.files = files;
    }

    /** Hands an item to the run; file names sort by submission time so the run takes them in order. */
    public void deliver(InboxItem item, long atMillis) {
        String name = String.format("%013d-%s.json", atMillis, item.id().value());
        write(files.inbox().resolve(name), CandidateJson.toJson(item).toString());
    }

    public List<Path> inbox() {
        return list(files.inbox());
    }

    public InboxItem read(Path inboxFile) {
        return CandidateJson.inboxItem(parse(inboxFile));
    }

    public void remove(Path inboxFile) {
        try {
            Files.deleteIfExists(inboxFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(Candidate candidate) {
        write(files.candidates().resolve(candidate.id().value() + ".json"), CandidateJson.toJson(candidate).toString());
    }

    /** Every accepted candidate, oldest first. */
    public List<Candidate> accepted() {
        List<Candidate> candidates = new ArrayList<>();
        for (Path file : list(files.candidates())) {
            candidates.add(CandidateJson.candidate(parse(file)));
        }
        candidates.sort(Comparator.comparingLong(Candidate::submittedAtMillis).thenComparing(Candidate::id));
        return candidates;
    }

    /** The normalised diffs of every earlier candidate, taken in or still waiting in the inbox. */
    public Set<String> knownDiffs() {
        Set<String> known = new HashSet<>();
        accepted().forEach(candidate -> known.add(candidate.diffHash()));
        for (Path file : inbox()) {
            if (read(file) instanceof InboxItem.Accepted waiting) {
                known.add(waiting.candidate().diffHash());
            }
        }
        return known;
    }

    private static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(Path file) {
        try {
            return CandidateJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String json) {
        try {
            AtomicFiles.writeString(file, json + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
