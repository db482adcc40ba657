package dev.skyresearch.backend;

import dev.skyresearch.engine.PairSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a paired job's output, line by line as it arrives, into completed pairs. A side's AB_SAMPLE lines follow
 * its benchmark run, so a round is complete once both sides have samples and the next run (or the job's end)
 * begins. Not thread-safe: one reader thread feeds it.
 */
public final class PairStream implements Consumer<String> {
    private static final Pattern NEXT = Pattern.compile("PHASE bench\\b.*\\bstart=|EXPERIMENT_STATUS:");
    private static final Pattern SAMPLE = Pattern.compile("AB_SAMPLE\\s+side=([AB])\\s+round=(\\d+)\\s+([\\w.\\-]+)=(\\S+)");
    private final String metricName;
    private final Consumer<PairSample> completed;
    private final Map<Integer, Map<Character, List<Double>>> rounds = new TreeMap<>();
    private final Map<Integer, Character> first = new TreeMap<>();
    private int emitted;

    public PairStream(String metricName, Consumer<PairSample> completed) {
        this.metricName = metricName;
        this.completed = completed;
    }

    @Override
    public void accept(String raw) {
        String line = RunnerOutputParser.clean(raw);
        Matcher sample = SAMPLE.matcher(line);
        if (sample.find() && sample.group(3).equals(metricName)) {
            add(Integer.parseInt(sample.group(2)), sample.group(1).charAt(0), sample.group(4));
        } else if (NEXT.matcher(line).find()) {
            flush();
        }
    }

    private void add(int round, char side, String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number) && number > 0) {
                first.putIfAbsent(round, side);
                rounds.computeIfAbsent(round, r -> new TreeMap<>()).computeIfAbsent(side, s -> new ArrayList<>()).add(number);
            }
        } catch (NumberFormatException e) {
            // The final parse reports a bad value; a stream only ever skips it.
        }
    }

    private void flush() {
        List<Integer> done = new ArrayList<>();
        rounds.forEach((round, sides) -> {
            if (round > emitted && sides.containsKey('A') && sides.containsKey('B')) {
                done.add(round);
            }
        });
        for (int round : done) {
            Map<Character, List<Double>> sides = rounds.get(round);
            completed.accept(new PairSample(round, median(sides.get('A')), median(sides.get('B')), first.get(round) == 'A'));
            emitted = Math.max(emitted, round);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
