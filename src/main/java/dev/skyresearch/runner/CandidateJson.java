package dev.skyresearch.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Candidate;
import dev.skyresearch.engine.CandidateId;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of candidates and inbox items (tree API: no reflection, native-image safe). */
final class CandidateJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private CandidateJson() {
    }

    static ObjectNode toJson(InboxItem item) {
        if (item instanceof InboxItem.Accepted accepted) {
            ObjectNode node = toJson(accepted.candidate());
            node.put("kind", "candidate");
            return node;
        }
        InboxItem.Rejected rejected = (InboxItem.Rejected) item;
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "rejected");
        node.put("id", rejected.id().value());
        node.put("description", rejected.description());
        node.put("source", rejected.source());
        node.put("wave", rejected.wave());
        node.put("reason", rejected.reason());
        node.put("diff_hash", rejected.diffHash());
        node.put("at", rejected.atMillis());
        return node;
    }

    static InboxItem inboxItem(JsonNode node) {
        if ("rejected".equals(node.path("kind").asText())) {
            return new InboxItem.Rejected(new CandidateId(node.path("id").asText()), node.path("description").asText(),
                    node.path("source").asText(), node.path("wave").asText(), node.path("reason").asText(),
                    node.path("diff_hash").asText(), node.path("at").asLong());
        }
        return new InboxItem.Accepted(candidate(node));
    }

    static ObjectNode toJson(Candidate candidate) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", candidate.id().value());
        node.put("commit", candidate.commit());
        node.put("base", candidate.base());
        node.put("description", candidate.description());
        node.put("source", candidate.source());
        node.put("priority", candidate.priority());
        node.put("wave", candidate.wave());
        node.put("diff_hash", candidate.diffHash());
        ArrayNode paths = node.putArray("paths");
        candidate.paths().forEach(paths::add);
        node.put("submitted_at", candidate.submittedAtMillis());
        return node;
    }

    static Candidate candidate(JsonNode node) {
        List<String> paths = new ArrayList<>();
        node.path("paths").forEach(path -> paths.add(path.asText()));
        return new Candidate(new CandidateId(node.path("id").asText()), node.path("commit").asText(),
                node.path("base").asText(), node.path("description").asText(), node.path("source").asText(),
                node.path("priority").asInt(), node.path("wave").asText(), node.path("diff_hash").asText(), paths,
                node.path("submitted_at").asLong());
    }
}
