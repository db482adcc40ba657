package dev.skyresearch.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys skyresearch.yaml may hold, by section; and keys of the design that this version does not run yet. */
final class Schema {
    static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();
    /** Scalar shorthands: {@code build: "make"} means {@code build: {command: "make"}}. */
    static final Map<String, String> SHORTHAND = Map.of("build", "command", "bench", "script", "checks", "script");
    static final Map<String, String> NOT_YET = Map.of(
            "agent", "the built-in agent proposer is not in this version; submit its patches with 'skyresearch submit'");
    /** The keys of fleet.resources, with the short names the config also accepts. */
    static final List<String> RESOURCES = List.of("cpus", "memory", "accelerators", "infra", "use_spot", "spot",
            "image_id", "image", "instance_type", "disk_size", "disk_tier", "ports", "labels", "any_of", "ordered");

    static {
        SECTIONS.put("metric", List.of("name", "direction", "unit"));
        SECTIONS.put("build", List.of("command", "timeout"));
        SECTIONS.put("bench", List.of("script", "timeout"));
        SECTIONS.put("checks", List.of("script", "timeout"));
        SECTIONS.put("scope", List.of("include", "protected"));
        SECTIONS.put("fleet", List.of("backend", "size", "prefix", "infra", "resources", "setup", "envs", "task",
                "autostop", "autodown", "poll", "hourly_usd", "sky"));
        SECTIONS.put("verify", List.of("alpha", "min_effect", "screen_pairs", "verify_pairs", "budget"));
        SECTIONS.put("noise", List.of("trusted_cv", "max_cv", "calibration_pairs", "recalibrate_every"));
        SECTIONS.put("stop", List.of("max_experiments", "max_hours", "max_usd"));
        SECTIONS.put("tag", List.of());
    }

    private Schema() {
    }

    /** Every leaf path a flag or variable can set: "fleet.size", "build", "tag"... */
    static List<String> leaves() {
        return SECTIONS.entrySet().stream()
                .flatMap(section -> section.getValue().isEmpty() || SHORTHAND.containsKey(section.getKey())
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of(section.getKey()),
                        section.getValue().stream().map(key -> section.getKey() + "." + key))
                        : section.getValue().stream().map(key -> section.getKey() + "." + key))
                .toList();
    }

    /** SKYRESEARCH_VERIFY_MIN_EFFECT for verify.min_effect. */
    static String variable(String path) {
        return "SKYRESEARCH_" + path.replace('.', '_').toUpperCase();
    }
}
