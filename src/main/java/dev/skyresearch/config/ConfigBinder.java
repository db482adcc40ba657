package dev.skyresearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skyresearch.engine.Direction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a checked YAML tree into a {@link Config}, filling defaults and validating every value. */
final class ConfigBinder {
    private static final String NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_.\\-]*";
    private final ObjectNode root;
    private final Map<String, String> origins;
    private final String fileName;
    final Path file;

    ConfigBinder(ObjectNode root, Map<String, String> origins, String fileName, Path file) {
        this.root = root;
        this.origins = origins;
        this.fileName = fileName;
        this.file = file;
    }

    Config bind() {
        Config.Metric metric = new Config.Metric(metricName(), direction(), text("metric.unit", ""));
        Config.Build build = new Config.Build(text("build.command", ""), duration("build.timeout", Duration.ofMinutes(10)));
        Config.Script bench = new Config.Script(required("bench.script"), duration("bench.timeout", Duration.ofMinutes(5)));
        Config.Script checks = new Config.Script(text("checks.script", ""), duration("checks.timeout", Duration.ofMinutes(5)));
        Config.Scope scope = new Config.Scope(list("scope.include", List.of("**")),
                list("scope.protected", defaultProtected(bench, checks)));
        Config.Fleet fleet = new Config.Fleet(backend(), integer("fleet.size", 2, 1), new FleetBinder(this).sky());
        Config.Verify verify = new Config.Verify(fraction("verify.alpha", 0.05, false), fraction("verify.min_effect", 0.01, true),
                integer("verify.screen_pairs", 5, 1), integer("verify.verify_pairs", 15, 6),
                duration("verify.budget", Duration.ofMinutes(30)));
        Config.Noise noise = noise();
        Config.Stop stop = new Config.Stop(integer("stop.max_experiments", 500, 0),
                Duration.ofMinutes(Math.round(decimal("stop.max_hours", 8) * 60)), decimal("stop.max_usd", 0));
        Optional<String> tag = Optional.ofNullable(node("tag")).map(value -> tag(value.asText()));
        return new Config(metric, build, bench, checks, scope, fleet, verify, noise, stop, tag, file);
    }

    private Config.Noise noise() {
        double trusted = fraction("noise.trusted_cv", 0.02, false);
        double max = fraction("noise.max_cv", 0.05, false);
        if (max < trusted) {
            throw error("noise.max_cv", "must be at least noise.trusted_cv (" + trusted + "), got " + max);
        }
        int pairs = integer("noise.calibration_pairs", 10, 0);
        if (pairs > 0 && pairs < 5) {
            throw error("noise.calibration_pairs", "must be 0 (off) or at least 5, got " + pairs);
        }
        return new Config.Noise(trusted, max, pairs, integer("noise.recalibrate_every", 20, 0));
    }

    private String metricName() {
        String name = required("metric.name");
        if (!name.matches(NAME_PATTERN)) {
            throw error("metric.name", "must be a word such as time_s (letters, digits, _ . -), got '" + name + "'");
        }
        return name;
    }

    private Direction direction() {
        String value = text("metric.direction", "lower");
        return switch (value) {
            case "lower" -> Direction.LOWER;
            case "higher" -> Direction.HIGHER;
            default -> throw error("metric.direction", "must be 'lower' or 'higher', got '" + value + "'");
        };
    }

    private String backend() {
        String backend = text("fleet.backend", "local");
        if (!backend.equals("local") && !backend.equals("sky")) {
            throw error("fleet.backend", "must be 'local' or 'sky', got '" + backend + "'");
        }
        return backend;
    }

    private String tag(String tag) {
        if (!tag.matches("[A-Za-z0-9][A-Za-z0-9._\\-]*") || tag.contains("..") || tag.endsWith(".lock")) {
            throw error("tag", "must be usable in a branch name (letters, digits, . _ -), got '" + tag + "'");
        }
        return tag;
    }

    private static List<String> defaultProtected(Config.Script bench, Config.Script checks) {
        List<String> paths = new ArrayList<>(List.of(bench.path()));
        if (!checks.path().isEmpty()) {
            paths.add(checks.path());
        }
        paths.add("skyresearch.yaml");
        return paths;
    }

    /** The value at a dotted path, following the scalar shorthand ({@code build: "make"}). */
    JsonNode node(String path) {
        String[] parts = path.split("\\.");
        JsonNode section = root.get(parts[0]);
        if (parts.length == 1 || section == null || section.isNull()) {
            return section == null || section.isNull() ? null : section;
        }
        if (section.isValueNode() && Schema.SHORTHAND.containsKey(parts[0])) {
            return parts[1].equals(Schema.SHORTHAND.get(parts[0])) ? section : null;
        }
        if (!section.isObject()) {
            throw error(parts[0], "must be a mapping of " + String.join(", ", Schema.SECTIONS.get(parts[0]))
                    + ", got " + describe(section));
        }
        JsonNode value = section.get(parts[1]);
        return value == null || value.isNull() ? null : value;
    }

    private String required(String path) {
        JsonNode value = node(path);
        if (value == null || value.asText().isBlank()) {
            throw error(path, "is required; e.g. " + (path.equals("metric.name") ? "metric: {name: time_s}"
                    : "bench: {script: autoresearch.sh}"));
        }
        return scalar(path, value);
    }

    String text(String path, String fallback) {
        JsonNode value = node(path);
        return value == null ? fallback : scalar(path, value);
    }

    String scalar(String path, JsonNode value) {
        if (!value.isValueNode()) {
            throw error(path, "must be a single value, got " + describe(value));
        }
        return value.asText().strip();
    }

    int integer(String path, int fallback, int minimum) {
        JsonNode value = node(path);
        if (value == null) {
            return fallback;
        }
        String text = scalar(path, value);
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(path, "must be a whole number, got '" + text + "'");
        }
        if (number < minimum) {
            throw error(path, "must be at least " + minimum + ", got " + number);
        }
        return number;
    }

    double decimal(String path, double fallback) {
        JsonNode value = node(path);
        if (value == null) {
            return fallback;
        }
        String text = scalar(path, value);
        try {
            double number = Double.parseDouble(text);
            if (!Double.isFinite(number) || number < 0) {
                throw error(path, "must be a number of at least 0, got '" + text + "'");
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(path, "must be a number, got '" + text + "'");
        }
    }

    /** A number in (0, 1), or [0, 1) when zero is allowed. */
    private double fraction(String path, double fallback, boolean zeroAllowed) {
        double number = decimal(path, fallback);
        if (number >= 1 || (!zeroAllowed && number == 0)) {
            throw error(path, "must be between 0 and 1, got " + number);
        }
        return number;
    }

    Duration duration(String path, Duration fallback) {
        JsonNode value = node(path);
        if (value == null) {
            return fallback;
        }
        try {
            Duration duration = Durations.parse(scalar(path, value));
            if (duration.isZero()) {
                throw error(path, "must be longer than zero");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private List<String> list(String path, List<String> fallback) {
        JsonNode value = node(path);
        if (value == null) {
            return fallback;
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(scalar(path, item)));
        } else {
            for (String item : scalar(path, value).split(",")) {
                items.add(item.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return List.copyOf(items);
    }

    ConfigException error(String path, String problem) {
        String origin = origins.getOrDefault(path, origins.getOrDefault(path.split("\\.")[0], fileName));
        String subject = origin.startsWith("SKYRESEARCH_") || origin.startsWith("--set") ? "" : " " + path + ":";
        return new ConfigException(origin + ":" + subject + " " + problem);
    }

    static String describe(JsonNode value) {
        return value.isArray() ? "a list" : value.isObject() ? "a mapping" : "'" + value.asText() + "'";
    }
}
