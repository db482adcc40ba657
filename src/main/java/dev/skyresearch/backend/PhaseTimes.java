package dev.skyresearch.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runner's PHASE markers read back into durations: what each build, benchmark and checks run cost. Pure. */
public final class PhaseTimes {
    private static final Pattern PHASE = Pattern.compile("PHASE (\\w+)(?: side=([AB]))? (start|end)=(\\d+)(?: exit=(-?\\d+))?");

    private PhaseTimes() {
    }

    /** One finished phase: its name ("bench", "build A"...), duration and exit code. */
    public record Phase(String name, long millis, int exitCode) {}

    public static List<Phase> of(List<String> lines) {
        Map<String, Long> started = new LinkedHashMap<>();
        List<Phase> phases = new ArrayList<>();
        for (String raw : lines) {
            Matcher matcher = PHASE.matcher(RunnerOutputParser.clean(raw));
            if (!matcher.find()) {
                continue;
            }
            String name = matcher.group(1) + (matcher.group(2) == null ? "" : " " + matcher.group(2));
            long at = Long.parseLong(matcher.group(4));
            if (matcher.group(3).equals("start")) {
                started.put(name, at);
            } else if (started.containsKey(name)) {
                int exit = matcher.group(5) == null ? 0 : Integer.parseInt(matcher.group(5));
                phases.add(new Phase(name, at - started.remove(name), exit));
            }
        }
        return phases;
    }
}
