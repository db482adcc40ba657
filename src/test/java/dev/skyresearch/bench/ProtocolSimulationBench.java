package dev.skyresearch.bench;

import dev.skyresearch.engine.DecisionProtocol;
import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.NoisePolicy;
import dev.skyresearch.engine.Policy;
import dev.skyresearch.stats.Summary;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How often each rule keeps a change, by noise and true effect, and what whole hill-climbing campaigns end with.
 * Prints the naive rule and skyresearch's protocol side by side from one run. Not a pass/fail test:
 * run it with {@code ./mvnw -B -Pbench test} and read the tables.
 */
@Tag("bench")
class ProtocolSimulationBench {
    private static final int TRIALS = 2000;
    private static final int CAMPAIGNS = 300;
    private static final int CANDIDATES = 30;
    private static final double[] EFFECTS = {0.0, 0.02, 0.05};
    /** The engine's defaults as skyresearch.yaml gives them: calibration on, 30 minutes per candidate. */
    private final Policy policy = Policy.of(Direction.LOWER, 5, 15, 0.05, 0.01, 0, 0,
            new NoisePolicy(0.02, 0.05, 10, 20), 0);
    private final DecisionProtocol protocol = new DecisionProtocol(policy);

    @Test
    void printKeepRatesAndCampaignOutcomes() {
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "%nP(keep): %d trials per cell; e = true reduction in run time; protocol = "
                + "screen %d pairs, verify %d, one extension of %d, per-look alpha %.4f, min effect %.0f%%%n", TRIALS,
                policy.screenPairs(), policy.verifyPairs(), policy.verifyPairs(), policy.extensionAlpha(),
                100 * policy.minEffect());
        System.out.printf("%-38s | %-26s | %-26s | %s%n", "noise", "naive  e=0   e=2%   e=5%", "protocol e=0  e=2%   e=5%",
                "protocol runs/candidate at e=0");
        List<NoiseModel> models = List.of(NoiseModel.iid(0.02), NoiseModel.iid(0.05), NoiseModel.iid(0.10),
                NoiseModel.drift(), NoiseModel.driftAndHardware());
        long seed = 1;
        for (NoiseModel model : models) {
            StringBuilder naive = new StringBuilder();
            StringBuilder ours = new StringBuilder();
            double runs = 0;
            for (double effect : EFFECTS) {
                SplittableRandom random = new SplittableRandom(seed++);
                int naiveKeeps = 0;
                int protocolKeeps = 0;
                for (int t = 0; t < TRIALS; t++) {
                    naiveKeeps += Rules.naive(model, random, 1.0, 1.0 - effect).keep() ? 1 : 0;
                    Rules.Outcome outcome = Rules.protocol(protocol, policy, model, random, 1.0, 1.0 - effect);
                    protocolKeeps += outcome.keep() ? 1 : 0;
                    runs += effect == 0 ? outcome.runs() : 0;
                }
                naive.append(String.format(Locale.ROOT, " %.3f", naiveKeeps / (double) TRIALS));
                ours.append(String.format(Locale.ROOT, " %.3f", protocolKeeps / (double) TRIALS));
            }
            System.out.printf("%-38s | %-26s | %-26s | %.1f%n", model.label(), "   " + naive, "     " + ours, runs / TRIALS);
        }
        campaigns(models);
        System.out.printf(Locale.ROOT, "%nelapsed %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** 30-candidate campaigns: 50% no-ops, 20% 3% slower, 15% 2% faster, 15% 5% faster. */
    private void campaigns(List<NoiseModel> models) {
        double oracle = Math.pow(0.98, CANDIDATES * 0.15) * Math.pow(0.95, CANDIDATES * 0.15);
        System.out.printf(Locale.ROOT, "%nCampaigns: %d x %d candidates (50%% no-op, 20%% 3%% slower, 15%% 2%% faster, "
                + "15%% 5%% faster); keeping exactly the true wins ends near %.3f%n", CAMPAIGNS, CANDIDATES, oracle);
        System.out.printf("%-38s %-11s %8s %8s %8s %8s %12s %8s%n", "noise", "rule", "no-ops", "regress", "2%-wins",
                "5%-wins", "final time", "runs");
        long seed = 1000;
        for (NoiseModel model : models.subList(1, models.size())) {
            for (String rule : List.of("naive", "protocol", "calibrated")) {
                SplittableRandom random = new SplittableRandom(seed++);
                double[] kept = new double[4];
                double finalTime = 0;
                double runs = 0;
                for (int c = 0; c < CAMPAIGNS; c++) {
                    double incumbent = 1.0;
                    // "calibrated": each campaign's machine is calibrated once and verifies with the pairs the
                    // engine would give it; "protocol" keeps the planned 15 pairs whatever the noise.
                    int verifyPairs = rule.equals("calibrated") ? Rules.calibratedVerifyPairs(policy, model, random)
                            : policy.verifyPairs();
                    double record = Summary.median(model.session(random, new double[] {1, 1, 1, 1, 1}));
                    for (int i = 0; i < CANDIDATES; i++) {
                        double effect = effect(random);
                        double candidate = incumbent * (1 - effect);
                        boolean keep;
                        if (rule.equals("naive")) {
                            double measured = Summary.median(model.session(random,
                                    new double[] {candidate, candidate, candidate, candidate, candidate}));
                            keep = measured < record;
                            record = keep ? measured : record;
                            runs += 5;
                        } else {
                            Rules.Outcome outcome = Rules.protocol(protocol, policy, model, random, incumbent, candidate,
                                    verifyPairs);
                            keep = outcome.keep();
                            runs += outcome.runs();
                        }
                        if (keep) {
                            kept[effect == 0 ? 0 : effect < 0 ? 1 : effect < 0.03 ? 2 : 3]++;
                            incumbent = candidate;
                        }
                    }
                    finalTime += incumbent;
                }
                System.out.printf(Locale.ROOT, "%-38s %-11s %8.2f %8.2f %8.2f %8.2f %12.3f %8.0f%n", model.label(), rule,
                        kept[0] / CAMPAIGNS, kept[1] / CAMPAIGNS, kept[2] / CAMPAIGNS, kept[3] / CAMPAIGNS,
                        finalTime / CAMPAIGNS, runs / CAMPAIGNS);
            }
        }
    }

    private static double effect(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.5 ? 0 : roll < 0.7 ? -0.03 : roll < 0.85 ? 0.02 : 0.05;
    }
}
