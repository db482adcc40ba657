package dev.skyresearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skyresearch.engine.Engine;

/** Renders a status document (the JSON of `status --json`) as a few readable lines and two small tables. */
final class StatusText {
    private StatusText() {
    }

    static String render(JsonNode status) {
        StringBuilder text = new StringBuilder();
        JsonNode metric = status.path("metric");
        text.append(String.format("target   %s (branch %s)%s%n", status.path("target").asText(),
                status.path("branch").asText(), status.path("live").asBoolean() ? ", run in progress" : ""));
        text.append(String.format("metric   %s (%s is better)%n", metric.path("name").asText(),
                metric.path("direction").asText()));
        text.append(String.format("best     %s  baseline %s -> best %s  gain %s%n",
                Engine.shortSha(status.path("best_commit").asText()), number(status.path("baseline")),
                number(status.path("best")), percent(status.path("gain"))));
        JsonNode experiments = status.path("experiments");
        text.append(String.format("work     %d done, %d running, %d queued, %d submissions pending%n",
                experiments.path("done").asInt(), experiments.path("running").asInt(),
                experiments.path("queued").asInt(), status.path("pending_submissions").asInt()));
        JsonNode cost = status.path("cost");
        if (cost.isObject()) {
            text.append(String.format("cost     %s so far%s, %s per experiment, %s per kept improvement%n",
                    dollars(cost.path("spend_usd")), cost.path("prices_known").asBoolean(true) ? ""
                            : " (some prices unknown: set fleet.hourly_usd)",
                    dollars(cost.path("per_experiment_usd")), dollars(cost.path("per_keep_usd"))));
        }
        for (JsonNode warning : status.path("warnings")) {
            text.append("warning  ").append(warning.asText()).append('\n');
        }
        if (status.has("halted")) {
            text.append("halted   ").append(status.path("halted").asText()).append('\n');
        }
        text.append(String.format("%nMACHINE     STATE         EXPERIMENT  DONE  NOISE CV  DETECTS  HARDWARE%n"));
        for (JsonNode machine : status.path("machines")) {
            JsonNode noise = machine.path("noise");
            String cv = noise.path("cv").isNumber() ? String.format("%.1f%%", 100 * noise.path("cv").asDouble()) : "-";
            String detects = machine.path("detectable_gain").isNumber()
                    ? String.format("%.1f%%", 100 * machine.path("detectable_gain").asDouble()) : "-";
            text.append(String.format("%-11s %-13s %-11s %4d  %-8s  %-7s  %s%n", machine.path("id").asText(),
                    machine.path("state").asText(), machine.path("experiment").asText("-"),
                    machine.path("experiments_done").asInt(), cv, detects,
                    machine.path("fingerprint").path("cpu_model").asText()));
        }
        text.append(String.format("%nCANDIDATE      STATUS         GAIN     P        DESCRIPTION%n"));
        for (JsonNode candidate : status.path("candidates")) {
            JsonNode verdict = candidate.path("verdict");
            text.append(String.format("%-14s %-14s %-8s %-8s %s%n", candidate.path("id").asText(),
                    candidate.path("status").asText(), percent(verdict.path("gain")), pValue(verdict.path("p")),
                    candidate.path("description").asText()));
        }
        return text.toString().stripTrailing();
    }

    static String dollars(JsonNode node) {
        return node.isNumber() ? String.format("$%.2f", node.asDouble()) : "-";
    }

    static String number(JsonNode node) {
        return node.isNumber() ? String.format("%.4g", node.asDouble()) : "-";
    }

    private static String pValue(JsonNode node) {
        return node.isNumber() ? String.format("%.2g", node.asDouble()) : "-";
    }

    static String percent(JsonNode node) {
        return node.isNumber() ? String.format("%+.1f%%", 100 * node.asDouble()) : "-";
    }
}
