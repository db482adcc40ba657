package dev.skyresearch.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skyresearch.engine.JournalEntry;
import dev.skyresearch.engine.Verdict;
import dev.skyresearch.journal.JournalCodec;
import java.io.IOException;
import java.util.Optional;

/**
 * The message of a winner's commit: description, measured gain with its 95% interval and p, source, and a
 * {@code Result:} trailer holding the journal record as one line of JSON, so the run branch alone can
 * reproduce every keep (and a restarted run can recover a keep whose journal line was never written).
 */
public final class CommitMessage {
    static final String CANDIDATE_TRAILER = "Candidate: ";
    static final String RESULT_TRAILER = "Result: ";

    private CommitMessage() {
    }

    public static String compose(JournalEntry.Run evidence) {
        return compose(evidence, "");
    }

    /** @param reproduction lines telling how to measure it again (commands, the machine's noise), or "" */
    public static String compose(JournalEntry.Run evidence, String reproduction) {
        Verdict verdict = evidence.verdict().orElseThrow();
        StringBuilder message = new StringBuilder();
        message.append(evidence.description().isBlank() ? "skyresearch candidate" : evidence.description().strip())
                .append("\n\n");
        message.append(String.format("Measured gain: %+.2f%% (95%% interval %+.2f%% to %+.2f%%), p = %.4g,%n",
                100 * verdict.gain(), 100 * verdict.gainLow(), 100 * verdict.gainHigh(), verdict.p()));
        message.append(String.format("one-sided Wilcoxon signed-rank over %d interleaved pairs on %s.%n",
                verdict.pairs(), evidence.experiment().machine()));
        if (!evidence.source().isBlank()) {
            message.append("Source: ").append(evidence.source().strip()).append('\n');
        }
        if (!reproduction.isBlank()) {
            message.append('\n').append(reproduction.strip()).append('\n');
        }
        message.append('\n');
        evidence.experiment().candidate().ifPresent(id -> message.append(CANDIDATE_TRAILER).append(id).append('\n'));
        message.append(RESULT_TRAILER).append(JournalCodec.toJson(evidence).toString()).append('\n');
        return message.toString();
    }

    /** The record in a commit message's Result trailer, if it has one that parses. */
    public static Optional<JournalEntry.Run> result(String message) {
        for (String line : message.split("\n")) {
            if (line.startsWith(RESULT_TRAILER)) {
                return parse(line.substring(RESULT_TRAILER.length()));
            }
        }
        return Optional.empty();
    }

    private static Optional<JournalEntry.Run> parse(String json) {
        try {
            JsonNode node = CandidateJson.MAPPER.readTree(json);
            return JournalCodec.fromJson(node) instanceof JournalEntry.Run run ? Optional.of(run) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
