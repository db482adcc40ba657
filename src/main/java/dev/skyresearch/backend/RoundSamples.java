package dev.skyresearch.backend;

import dev.skyresearch.engine.PairSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paired job's AB_SAMPLE lines grouped by round and side; a round becomes a pair once both sides have samples,
 * each side summarised by the median of its samples. Shared by the final parse and the live stream. Not thread-safe.
 */
final class RoundSamples {
    private static final Pattern AB_SAMPLE = Pattern.compile("AB_SAMPLE\\s+side=([AB])\\s+round=(\\d+)\\s+([\\w.\\-]+)=(\\S+)");
    private final String metricName;
    private final Map<Integer, Map<Character, List<Double>>> rounds = new TreeMap<>();
    private final Map<Integer, Character> first = new TreeMap<>();

    RoundSamples(String metricName) {
        this.metricName = metricName;
    }

    /**
     * Takes one cleaned line; an AB_SAMPLE of this metric is read with {@code value}, which may throw on a bad
     * value or return NaN to skip it. Returns whether the line was such a sample.
     */
    boolean offer(String line, ToDoubleFunction<String> value) {
        Matcher matcher = AB_SAMPLE.matcher(line);
        if (!matcher.find() || !matcher.group(3).equals(metricName)) {
            return false;
        }
        double number = value.applyAsDouble(matcher.group(4));
        if (!Double.isNaN(number)) {
            int round = Integer.parseInt(matcher.group(2));
            char side = matcher.group(1).charAt(0);
            first.putIfAbsent(round, side);
            rounds.computeIfAbsent(round, r -> new TreeMap<>()).computeIfAbsent(side, s -> new ArrayList<>()).add(number);
        }
        return true;
    }

    /** The pairs of every round after {@code afterRound} that has both sides, in round order. */
    List<PairSample> pairsAfter(int afterRound) {
        List<PairSample> pairs = new ArrayList<>();
        rounds.forEach((round, sides) -> {
            if (round > afterRound && sides.containsKey('A') && sides.containsKey('B')) {
                pairs.add(new PairSample(round, median(sides.get('A')), median(sides.get('B')), first.get(round) == 'A'));
            }
        });
        return pairs;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
