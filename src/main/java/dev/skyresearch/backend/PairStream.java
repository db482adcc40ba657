package dev.skyresearch.backend;

import dev.skyresearch.engine.PairSample;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns a paired job's output, line by line as it arrives, into completed pairs. A side's AB_SAMPLE lines follow
 * its benchmark run, so a round is complete once both sides have samples and the next run (or the job's end)
 * begins. Not thread-safe: one reader thread feeds it.
 */
public final class PairStream implements Consumer<String> {
    private static final Pattern NEXT = Pattern.compile("PHASE bench\\b.*\\bstart=|EXPERIMENT_STATUS:");
    private final RoundSamples rounds;
    private final Consumer<PairSample> completed;
    private int emitted;

    public PairStream(String metricName, Consumer<PairSample> completed) {
        this.rounds = new RoundSamples(metricName);
        this.completed = completed;
    }

    @Override
    public void accept(String raw) {
        String line = RunnerOutputParser.clean(raw);
        if (!rounds.offer(line, PairStream::valueOrSkip) && NEXT.matcher(line).find()) {
            for (PairSample pair : rounds.pairsAfter(emitted)) {
                completed.accept(pair);
                emitted = pair.round();
            }
        }
    }

    /** A stream only ever skips a bad value; the final parse of the whole output reports it. */
    private static double valueOrSkip(String text) {
        try {
            double number = Double.parseDouble(text);
            return Double.isFinite(number) && number > 0 ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
