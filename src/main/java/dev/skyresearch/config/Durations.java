package dev.skyresearch.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the config: 300s, 5m, 1h30m, 250ms; a plain number means seconds. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        String value = text.strip();
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (!value.matches("(\\d+(ms|s|m|h))+")) {
            throw new IllegalArgumentException("not a duration '" + text + "'; write e.g. 300s, 5m, 1h");
        }
        Duration total = Duration.ZERO;
        Matcher matcher = PART.matcher(value);
        while (matcher.find()) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return total;
    }
}
