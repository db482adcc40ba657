package dev.skyresearch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Fingerprint;

/**
 * JSON forms shared by the journal and the status document: numbers that may be NaN, and fingerprints.
 * Stateless; a non-finite number is always written as null and read back as NaN.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** JSON has no NaN: a number that is not finite is written as null and read back as NaN. */
    public static void putDouble(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    public static void addDouble(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    public static double readDouble(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? Double.NaN : node.asDouble();
    }

    public static void putFingerprint(ObjectNode node, Fingerprint fingerprint) {
        node.put("cpu_model", fingerprint.cpuModel());
        node.put("cores", fingerprint.cores());
        node.put("memory", fingerprint.memory());
        node.put("gpu", fingerprint.gpu());
        node.put("instance", fingerprint.instance());
    }

    public static Fingerprint fingerprint(JsonNode node) {
        return new Fingerprint(node.path("cpu_model").asText(), node.path("cores").asInt(), node.path("memory").asText(),
                node.path("gpu").asText(), node.path("instance").asText());
    }
}
