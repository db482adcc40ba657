package dev.skyresearch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code --set key=value} flags into configuration overrides. */
final class Overrides {
    private Overrides() {
    }

    static Map<String, String> parse(List<String> settings) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--set " + setting + ": expected KEY=VALUE, e.g. --set fleet.size=4");
            }
            overrides.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
        }
        return overrides;
    }
}
