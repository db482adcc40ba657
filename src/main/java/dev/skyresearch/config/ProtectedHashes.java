package dev.skyresearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** SHA-256 of each protected file, recorded by `init` and checked before a run, so a benchmark cannot drift. */
public final class ProtectedHashes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MISSING = "missing";

    private ProtectedHashes() {
    }

    public static Map<String, String> compute(List<String> paths, Function<String, Optional<byte[]>> reader) {
        Map<String, String> hashes = new TreeMap<>();
        for (String path : paths) {
            hashes.put(path, reader.apply(path).map(ProtectedHashes::sha256).orElse(MISSING));
        }
        return hashes;
    }

    /** One line per difference: "autoresearch.sh (changed)" or "(removed)". */
    public static List<String> changed(Map<String, String> recorded, Map<String, String> now) {
        List<String> changes = new ArrayList<>();
        recorded.forEach((path, hash) -> {
            String current = now.getOrDefault(path, MISSING);
            if (!current.equals(hash)) {
                changes.add(path + (current.equals(MISSING) ? " (removed)" : " (changed)"));
            }
        });
        return changes;
    }

    public static String toJson(Map<String, String> hashes) {
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(hashes).forEach(node::put);
        return node.toPrettyString();
    }

    public static Map<String, String> fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Map<String, String> hashes = new TreeMap<>();
            node.fields().forEachRemaining(field -> hashes.put(field.getKey(), field.getValue().asText()));
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
