package dev.skyresearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet section's sky keys: cluster names, SkyPilot resources, setup, envs, autostop, polling and price. */
final class FleetBinder {
    private static final Map<String, String> SKYPILOT_NAMES = Map.of("spot", "use_spot", "image", "image_id");
    private final ConfigBinder binder;

    FleetBinder(ConfigBinder binder) {
        this.binder = binder;
    }

    Config.Sky sky() {
        String prefix = binder.text("fleet.prefix", "sr");
        if (!prefix.matches("[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?") || prefix.length() > 40) {
            throw binder.error("fleet.prefix", "must start with a letter and hold only letters, digits and -, got '"
                    + prefix + "'");
        }
        Map<String, Object> resources = resources();
        String infra = binder.text("fleet.infra", "");
        if (!infra.isEmpty()) {
            resources.put("infra", infra);
        }
        Duration autostop = autostop();
        double price = binder.decimal("fleet.hourly_usd", Double.NaN);
        return new Config.Sky(prefix, resources, binder.text("fleet.setup", ""), envs(), task(), autostop,
                bool("fleet.autodown"), poll(), price, binder.text("fleet.sky", "sky"));
    }

    private Map<String, Object> resources() {
        JsonNode node = binder.node("fleet.resources");
        Map<String, Object> resources = new LinkedHashMap<>();
        if (node == null) {
            return resources;
        }
        if (!node.isObject()) {
            throw binder.error("fleet.resources", "must be a mapping such as {cpus: 4+, memory: 16+}, got "
                    + ConfigBinder.describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Schema.RESOURCES.contains(field.getKey())) {
                String hint = DidYouMean.suggest(field.getKey(), Schema.RESOURCES).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; valid keys: " + String.join(", ", Schema.RESOURCES));
                throw binder.error("fleet.resources", "unknown key '" + field.getKey() + "'" + hint);
            }
            resources.put(SKYPILOT_NAMES.getOrDefault(field.getKey(), field.getKey()), plain(field.getValue()));
        }
        return resources;
    }

    private Map<String, String> envs() {
        JsonNode node = binder.node("fleet.envs");
        Map<String, String> envs = new LinkedHashMap<>();
        if (node == null) {
            return envs;
        }
        if (!node.isObject()) {
            throw binder.error("fleet.envs", "must be a mapping of NAME: value, got " + ConfigBinder.describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || field.getKey().startsWith("SR_")) {
                throw binder.error("fleet.envs", "'" + field.getKey() + "' is not a usable variable name (SR_ is "
                        + "skyresearch's own)");
            }
            if (!field.getValue().isValueNode()) {
                throw binder.error("fleet.envs", field.getKey() + " must be a single value");
            }
            envs.put(field.getKey(), field.getValue().asText());
        }
        return envs;
    }

    private Optional<Path> task() {
        String task = binder.text("fleet.task", "");
        if (task.isEmpty()) {
            return Optional.empty();
        }
        Path base = binder.file.toAbsolutePath().getParent();
        Path file = base.resolve(task).normalize();
        // sky treats a missing *.yaml argument as a command to run remotely (skypilot-cli.md §1.6): check it here.
        if (!Files.isRegularFile(file) || !(task.endsWith(".yaml") || task.endsWith(".yml"))) {
            throw binder.error("fleet.task", "must name an existing .yaml task file, got '" + task + "'");
        }
        return Optional.of(file);
    }

    private Duration autostop() {
        String value = binder.text("fleet.autostop", "30m");
        if (value.equals("off") || value.equals("false")) {
            return Duration.ZERO;
        }
        return binder.duration("fleet.autostop", Duration.ofMinutes(30));
    }

    private Duration poll() {
        Duration poll = binder.duration("fleet.poll", Duration.ofSeconds(5));
        if (poll.toMillis() < 100) {
            throw binder.error("fleet.poll", "must be at least 100ms, got " + poll.toMillis() + "ms");
        }
        return poll;
    }

    private boolean bool(String path) {
        String value = binder.text(path, "false");
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw binder.error(path, "must be true or false, got '" + value + "'");
        };
    }

    /** A resources value as plain Java (strings, booleans, numbers, lists, maps) for the task YAML. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(SKYPILOT_NAMES.getOrDefault(field.getKey(), field.getKey()),
                    plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }
}
