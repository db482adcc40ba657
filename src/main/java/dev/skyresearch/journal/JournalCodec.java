package dev.skyresearch.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.CandidateId;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.JournalEntry;
import java.util.Optional;

/**
 * The JSON form of journal lines. A run line is a pi-autoresearch run line (run, commit, metric, metrics,
 * status, description, timestamp) plus skyresearch's fields; it carries everything needed to replay the
 * decision it records. Tree API only (no reflection), so it works in a native image. Stateless and thread-safe;
 * {@code fromJson(toJson(e))} equals {@code e} for every entry (a non-finite metric reads back as empty).
 */
public final class JournalCodec {
    /** Strict about trailing text, so two lines run together read as damage, not as the first of them. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JournalCodec() {
    }

    public static ObjectNode toJson(JournalEntry entry) {
        return toJson(entry, "metric");
    }

    /** @param metricName the key of the run's value in pi-autoresearch's {@code metrics} object */
    public static ObjectNode toJson(JournalEntry entry, String metricName) {
        if (entry instanceof JournalEntry.Run run) {
            return RunLineCodec.toJson(run, metricName);
        }
        JournalEntry.Rejection rejection = (JournalEntry.Rejection) entry;
        ObjectNode node = MAPPER.createObjectNode();
        node.put("run", rejection.run());
        node.put("status", "rejected");
        node.put("candidate", rejection.candidate().value());
        node.put("description", rejection.description());
        node.put("source", rejection.source());
        node.put("wave", rejection.wave());
        node.put("reason", rejection.reason());
        node.put("timestamp", rejection.timestampMillis());
        return node;
    }

    public static JournalEntry fromJson(JsonNode node) {
        if ("rejected".equals(node.path("status").asText())) {
            return new JournalEntry.Rejection(node.path("run").asInt(), new CandidateId(text(node, "candidate")),
                    node.path("description").asText(), node.path("source").asText(), node.path("wave").asText(),
                    node.path("reason").asText(), node.path("timestamp").asLong());
        }
        return RunLineCodec.fromJson(node);
    }

    public static ObjectNode toJson(JournalHeader header) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "config");
        node.put("name", header.name());
        node.put("metricName", header.metricName());
        node.put("metricUnit", header.metricUnit());
        node.put("bestDirection", header.direction().name().toLowerCase());
        node.put("branch", header.branch());
        node.put("timestamp", header.timestampMillis());
        return node;
    }

    public static Optional<JournalHeader> header(JsonNode node) {
        if (!"config".equals(node.path("type").asText())) {
            return Optional.empty();
        }
        String best = node.path("bestDirection").asText();
        Direction direction = switch (best) {
            case "lower" -> Direction.LOWER;
            case "higher" -> Direction.HIGHER;
            default -> throw new IllegalArgumentException("bestDirection must be lower or higher, not '" + best + "'");
        };
        return Optional.of(new JournalHeader(node.path("name").asText(), node.path("metricName").asText(),
                node.path("metricUnit").asText(), direction, node.path("branch").asText(),
                node.path("timestamp").asLong()));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
