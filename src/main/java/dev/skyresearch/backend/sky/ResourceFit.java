package dev.skyresearch.backend.sky;

import java.util.Map;
import java.util.Optional;

/**
 * Whether an existing cluster has what the config asks for: at least the cpus and memory ("4+" or "4"), and the
 * accelerator named. A cluster that does not fit is someone else's and is left alone.
 */
final class ResourceFit {
    private ResourceFit() {
    }

    static Optional<String> mismatch(Map<String, Object> wanted, ClusterRecord cluster) {
        Optional<String> cpus = below("cpus", wanted.get("cpus"), cluster.cpus());
        if (cpus.isPresent()) {
            return cpus;
        }
        Optional<String> memory = below("memory", wanted.get("memory"), cluster.memoryGb());
        if (memory.isPresent()) {
            return memory;
        }
        Object accelerators = wanted.get("accelerators");
        if (accelerators instanceof String name) {
            String model = name.split(":")[0].strip();
            if (!cluster.accelerators().contains(model) && !cluster.resources().contains(model)) {
                return Optional.of("no " + model + " on it");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> below(String what, Object wanted, double has) {
        if (wanted == null || Double.isNaN(has)) {
            return Optional.empty();
        }
        String text = wanted.toString().strip();
        try {
            double minimum = Double.parseDouble(text.endsWith("+") ? text.substring(0, text.length() - 1) : text);
            return has + 1e-9 < minimum ? Optional.of(what + " " + format(has) + " < " + text) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
