package dev.skyresearch.backend.sky;

import java.util.Collection;
import java.util.regex.Pattern;

/** Cluster names: {@code <prefix>-01}, {@code <prefix>-02}...; a replacement takes the next number never used. */
final class ClusterNames {
    private final String prefix;
    private final Pattern ours;

    ClusterNames(String prefix) {
        this.prefix = prefix;
        this.ours = Pattern.compile(Pattern.quote(prefix) + "-(\\d+)");
    }

    String name(int number) {
        return String.format("%s-%02d", prefix, number);
    }

    /** The next name after every one in {@code used} (ours or not: a name someone else holds is skipped). */
    String next(Collection<String> used) {
        int highest = 0;
        for (String name : used) {
            var matcher = ours.matcher(name);
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return name(highest + 1);
    }
}
