package dev.skyresearch.bench;

import dev.skyresearch.engine.Calibration;
import dev.skyresearch.engine.Decision;
import dev.skyresearch.engine.DecisionProtocol;
import dev.skyresearch.engine.NoiseBand;
import dev.skyresearch.engine.NoiseRecord;
import dev.skyresearch.engine.PairSample;
import dev.skyresearch.engine.Policy;
import dev.skyresearch.engine.Verdict;
import dev.skyresearch.engine.VerifySizing;
import dev.skyresearch.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The two keep rules being compared: the naive one, and skyresearch's own protocol (the engine's code). */
final class Rules {
    private Rules() {
    }

    /** What a rule decided and how many benchmark runs it spent. */
    record Outcome(boolean keep, int runs) {}

    /** Median of 5 candidate runs beats a median of 5 baseline runs from an earlier, separate session. */
    static Outcome naive(NoiseModel noise, SplittableRandom random, double best, double candidate) {
        double stored = Summary.median(noise.session(random, new double[] {best, best, best, best, best}));
        double measured = Summary.median(noise.session(random, new double[] {candidate, candidate, candidate,
                candidate, candidate}));
        return new Outcome(measured < stored, 10);
    }

    /**
     * Calibrates a simulated machine the way the engine does (an A/A of the best against itself) and returns the
     * verification pairs the engine would give it.
     */
    static int calibratedVerifyPairs(Policy policy, NoiseModel noise, SplittableRandom random) {
        List<PairSample> aa = pairs(noise.interleaved(random, 1.0, 1.0, policy.noise().calibrationPairs()));
        NoiseRecord record = Calibration.assess(aa, policy.noise(), 0);
        return record.band() == NoiseBand.QUARANTINED ? policy.verifyPairs() : VerifySizing.pairs(policy, record);
    }

    /** Screen, verify, and the planned extension, decided by {@link DecisionProtocol} exactly as the engine does. */
    static Outcome protocol(DecisionProtocol protocol, Policy policy, NoiseModel noise, SplittableRandom random,
                            double best, double candidate) {
        return protocol(protocol, policy, noise, random, best, candidate, policy.verifyPairs());
    }

    static Outcome protocol(DecisionProtocol protocol, Policy policy, NoiseModel noise, SplittableRandom random,
                            double best, double candidate, int verifyPairs) {
        int runs = 2 * policy.screenPairs();
        Verdict screen = protocol.screen(pairs(noise.interleaved(random, best, candidate, policy.screenPairs())));
        if (screen.decision() != Decision.PROMISING) {
            return new Outcome(false, runs);
        }
        List<PairSample> first = pairs(noise.interleaved(random, best, candidate, verifyPairs));
        runs += 2 * verifyPairs;
        Verdict look = protocol.verifyFirstLook(first);
        if (look.decision() != Decision.EXTEND) {
            return new Outcome(look.decision() == Decision.KEEP, runs);
        }
        List<PairSample> pooled = new ArrayList<>(first);
        pooled.addAll(pairs(noise.interleaved(random, best, candidate, verifyPairs)));
        runs += 2 * verifyPairs;
        return new Outcome(protocol.verifyFinalLook(pooled).decision() == Decision.KEEP, runs);
    }

    private static List<PairSample> pairs(List<double[]> measured) {
        List<PairSample> pairs = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            pairs.add(new PairSample(i + 1, measured.get(i)[0], measured.get(i)[1], true));
        }
        return pairs;
    }
}
