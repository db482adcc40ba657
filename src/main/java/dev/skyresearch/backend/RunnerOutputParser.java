package dev.skyresearch.backend;

import dev.skyresearch.engine.Experiment;
import dev.skyresearch.engine.ExperimentOutcome;
import dev.skyresearch.engine.Fingerprint;
import dev.skyresearch.engine.OutcomeStatus;
import dev.skyresearch.engine.PairSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a runner's output into an outcome. Tolerant of what transports add: ANSI colour codes, carriage
 * returns and line prefixes such as SkyPilot's {@code (exp-02, pid=4127) }. Pure.
 */
public final class RunnerOutputParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final Pattern STATUS = Pattern.compile("EXPERIMENT_STATUS:\\s*(\\w+)");
    private static final Pattern ERROR = Pattern.compile("EXPERIMENT_ERROR:\\s*(.*)$");
    private static final Pattern HOST = Pattern.compile("HOST_INFO\\s+(.*)$");
    private static final Pattern HOST_FIELD = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S*))");
    private static final Pattern MARKER = Pattern.compile("^(EXPERIMENT_|HOST_INFO|PHASE |CHECKS_STATUS|AB_SAMPLE)");
    private static final int TAIL = 20;

    private RunnerOutputParser() {
    }

    public static ExperimentOutcome parse(List<String> rawLines, Experiment experiment, String metricName,
                                          int exitCode, boolean timedOut, long startedAtMillis, long endedAtMillis) {
        List<String> lines = rawLines.stream().map(RunnerOutputParser::clean).toList();
        Pattern metric = Pattern.compile("(?:^|\\s)METRIC\\s+" + Pattern.quote(metricName) + "=(\\S+)");
        Optional<String> status = last(lines, STATUS);
        String error = last(lines, ERROR).orElse("");
        Fingerprint host = host(lines);
        List<String> tail = tail(lines);
        List<PairSample> pairs = new ArrayList<>();
        List<Double> samples = new ArrayList<>();
        try {
            if (experiment.paired()) {
                pairs = pairs(lines, metricName);
            } else {
                samples = samples(lines, metric, metricName);
            }
        } catch (BadMetricException e) {
            return new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), host, e.getMessage(), tail,
                    startedAtMillis, endedAtMillis);
        }
        if (status.isEmpty()) {
            String reason = timedOut ? "timed out: the runner was killed" : "runner ended without EXPERIMENT_STATUS (exit " + exitCode + ")";
            return new ExperimentOutcome(OutcomeStatus.CRASH, List.of(), List.of(), host, reason, tail,
                    startedAtMillis, endedAtMillis);
        }
        OutcomeStatus outcome = switch (status.get()) {
            case "done" -> OutcomeStatus.DONE;
            case "checks_failed" -> OutcomeStatus.CHECKS_FAILED;
            default -> OutcomeStatus.CRASH;
        };
        if (outcome == OutcomeStatus.DONE && pairs.isEmpty() && samples.isEmpty()) {
            outcome = OutcomeStatus.CRASH;
            error = "benchmark printed no 'METRIC " + metricName + "=<value>' line";
        }
        return new ExperimentOutcome(outcome, pairs, samples, host, error, tail, startedAtMillis, endedAtMillis);
    }

    /** The pairs with both sides measured, from a job that may have been stopped part-way. */
    public static List<PairSample> completedPairs(List<String> rawLines, String metricName) {
        try {
            return pairs(rawLines.stream().map(RunnerOutputParser::clean).toList(), metricName);
        } catch (BadMetricException e) {
            return List.of();
        }
    }

    static String clean(String line) {
        return ANSI.matcher(line).replaceAll("").replace("\r", "");
    }

    private static List<Double> samples(List<String> lines, Pattern metric, String name) {
        List<Double> samples = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = metric.matcher(line);
            if (matcher.find()) {
                samples.add(value(name, matcher.group(1)));
            }
        }
        return samples;
    }

    /** One pair per round that has both sides; each side's samples in that round are summarised by their median. */
    private static List<PairSample> pairs(List<String> lines, String name) {
        RoundSamples rounds = new RoundSamples(name);
        lines.forEach(line -> rounds.offer(line, text -> value(name, text)));
        return rounds.pairsAfter(0);
    }

    private static double value(String name, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadMetricException("METRIC " + name + " has a non-numeric value '" + text + "'");
        }
        if (!Double.isFinite(value) || value <= 0) {
            throw new BadMetricException("METRIC " + name + " must be a positive finite number, got '" + text + "'");
        }
        return value;
    }

    /** The HOST_INFO line's fingerprint; lines must be cleaned of ANSI codes already. */
    public static Fingerprint host(List<String> lines) {
        Optional<String> info = last(lines, HOST);
        if (info.isEmpty()) {
            return Fingerprint.UNKNOWN;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HOST_FIELD.matcher(info.get());
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        int cores;
        try {
            cores = Integer.parseInt(fields.getOrDefault("cores", "0"));
        } catch (NumberFormatException e) {
            cores = 0;
        }
        return new Fingerprint(fields.get("cpu_model"), cores, fields.get("memory"), fields.get("gpu"),
                fields.get("instance"));
    }

    private static Optional<String> last(List<String> lines, Pattern pattern) {
        Optional<String> found = Optional.empty();
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found = Optional.of(matcher.group(1).strip());
            }
        }
        return found;
    }

    private static List<String> tail(List<String> lines) {
        List<String> output = lines.stream().filter(line -> !MARKER.matcher(line.strip()).find()).toList();
        return output.subList(Math.max(0, output.size() - TAIL), output.size());
    }

    /** A METRIC value that is not a usable number: the job is a crash, and the message says which value. */
    private static final class BadMetricException extends RuntimeException {
        BadMetricException(String message) {
            super(message);
        }
    }
}
