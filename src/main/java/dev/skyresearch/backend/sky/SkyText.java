package dev.skyresearch.backend.sky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code sky} prints. Lines arrive with colour codes even through a pipe, Unicode decorations, and
 * prose before JSON (skypilot-cli.md §1, §11); everything here tolerates that. Pure.
 */
final class SkyText {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final Pattern SUBMITTED = Pattern.compile("Job submitted, ID: (\\d+)");
    private static final Pattern HINT_JOB_ID = Pattern.compile("^Job ID: (\\d+)$");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(sky\\.exceptions\\.\\w+|RuntimeError|ValueError|requests\\.exceptions\\.\\w+|[\\w.]+Error): (.*)$");
    private static final Pattern CLICK_ERROR = Pattern.compile("^Error: (.*)$");
    private static final Pattern FINISHED = Pattern.compile("Job finished \\(status: ([A-Z_]+)\\)\\.");
    private static final Pattern PRICE_ROW = Pattern.compile("\\s(\\d+(?:\\.\\d+)?)\\s+✔");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SkyText() {
    }

    static String clean(String line) {
        return ANSI.matcher(line).replaceAll("").replace("\r", "");
    }

    static List<String> clean(List<String> lines) {
        return lines.stream().map(SkyText::clean).toList();
    }

    /** The job id a launch or exec printed: "Job submitted, ID: N", or for launch the hint block's "Job ID: N". */
    static OptionalInt submittedJob(List<String> lines) {
        for (Pattern pattern : List.of(SUBMITTED, HINT_JOB_ID)) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line.strip());
                if (matcher.find()) {
                    return OptionalInt.of(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The exception a failed call ended with: its last "sky.exceptions.X: message" line (only the first line of a
     * multi-line message carries the prefix), else a Click usage error's "Error: ..." line.
     */
    static Optional<SkyError> exception(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = EXCEPTION.matcher(lines.get(i).strip());
            if (matcher.matches()) {
                return Optional.of(new SkyError(matcher.group(1), matcher.group(2).strip()));
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = CLICK_ERROR.matcher(lines.get(i).strip());
            if (matcher.matches()) {
                return Optional.of(new SkyError("UsageError", matcher.group(1).strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The JSON document of a {@code -o json} call. Log lines and API-server notices may come first (skypilot
     * #10713, #10763), so it starts at the first line that opens with '{' or '['.
     */
    static Optional<JsonNode> json(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("{") || line.startsWith("[")) {
                String document = String.join("\n", lines.subList(i, lines.size()));
                try {
                    return Optional.of(JSON.readTree(document));
                } catch (JsonProcessingException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The final state a log's last "Job finished (status: X)." line names. */
    static Optional<JobState> finishedState(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = FINISHED.matcher(lines.get(i));
            if (matcher.find()) {
                return JobState.parse(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The hourly price of the chosen row of a launch's optimizer table ("... COST ($) CHOSEN", row marked ✔). */
    static Optional<Double> chosenHourlyPrice(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = PRICE_ROW.matcher(line);
            if (matcher.find()) {
                return Optional.of(Double.parseDouble(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
