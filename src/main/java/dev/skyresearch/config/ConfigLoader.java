package dev.skyresearch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Loads skyresearch.yaml: parse, refuse unknown keys (with a suggestion), apply SKYRESEARCH_* variables and then
 * flags (flags win), and bind into a validated {@link Config}. Every error is one line naming where to fix it.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigLoader() {
    }

    public static Config load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(name + ": missing in " + file.toAbsolutePath().getParent()
                    + "; run 'skyresearch init' to create it");
        }
        String text = read(file);
        ObjectNode root = parse(name, text);
        Map<String, String> origins = new HashMap<>();
        Map<String, Integer> lines = YamlLines.of(text);
        lines.forEach((path, line) -> origins.put(path, name + ":" + line));
        checkKeys(root, name, lines);
        for (String leaf : Schema.leaves()) {
            String variable = Schema.variable(leaf);
            if (environment.containsKey(variable)) {
                set(root, leaf, environment.get(variable), origins, variable);
            }
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (!Schema.leaves().contains(override.getKey())) {
                throw new ConfigException("--set " + override.getKey() + ": unknown key"
                        + DidYouMean.suggest(override.getKey(), Schema.leaves()).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
            set(root, override.getKey(), override.getValue(), origins, "--set " + override.getKey());
        }
        return new ConfigBinder(root, origins, name, file).bind();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ObjectNode parse(String name, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(name + (line > 0 ? ":" + line : "") + ": malformed YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException(name + ":1: expected a mapping of keys (metric:, bench:, ...), got "
                    + tree.getNodeType().toString().toLowerCase());
        }
        return object;
    }

    private static void checkKeys(ObjectNode root, String name, Map<String, Integer> lines) {
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!Schema.SECTIONS.containsKey(key)) {
                unknown(key, key, Schema.SECTIONS.keySet(), name, lines);
            }
            JsonNode section = root.get(key);
            if (section.isObject()) {
                for (Iterator<String> inner = section.fieldNames(); inner.hasNext(); ) {
                    String field = inner.next();
                    if (!Schema.SECTIONS.get(key).contains(field)) {
                        unknown(key + "." + field, field, Schema.SECTIONS.get(key), name, lines);
                    }
                }
            }
        }
    }

    private static void unknown(String path, String key, java.util.Collection<String> known, String name,
                                Map<String, Integer> lines) {
        String where = name + Optional.ofNullable(lines.get(path)).map(line -> ":" + line).orElse("");
        if (Schema.NOT_YET.containsKey(path)) {
            throw new ConfigException(where + ": " + path + ": " + Schema.NOT_YET.get(path) + "; remove the key");
        }
        String hint = DidYouMean.suggest(key, known).map(s -> "; did you mean '" + s + "'?")
                .orElse("; valid keys here: " + String.join(", ", known));
        throw new ConfigException(where + ": unknown key '" + path + "'" + hint);
    }

    private static void set(ObjectNode root, String path, String value, Map<String, String> origins, String origin) {
        String[] parts = path.split("\\.");
        if (parts.length == 1) {
            root.put(parts[0], value);
        } else {
            JsonNode section = root.get(parts[0]);
            ObjectNode object;
            if (section instanceof ObjectNode existing) {
                object = existing;
            } else {
                object = root.putObject(parts[0]);
                if (section != null && section.isValueNode() && Schema.SHORTHAND.containsKey(parts[0])) {
                    object.set(Schema.SHORTHAND.get(parts[0]), section);
                }
            }
            object.put(parts[1], value);
        }
        origins.put(path, origin);
    }
}
