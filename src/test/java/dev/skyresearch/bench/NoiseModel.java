package dev.skyresearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated run times on cloud-like machines (reference/ab-statistics.md, section 4): lognormal per-run noise,
 * a per-session offset, AR(1) drift inside a session, and optionally two machine types some percent apart.
 */
record NoiseModel(String label, double iidCv, double sessionCv, double driftSd, double phi, double hardwareGap) {

    static NoiseModel iid(double cv) {
        return new NoiseModel("iid CV " + Math.round(cv * 100) + "%", cv, 0, 0, 0.95, 0);
    }

    static NoiseModel drift() {
        return new NoiseModel("drift (3% iid + 4% session + 4% AR)", 0.03, 0.04, 0.04, 0.95, 0);
    }

    static NoiseModel driftAndHardware() {
        return new NoiseModel("drift + 2 machine types 8% apart", 0.03, 0.04, 0.04, 0.95, 0.08);
    }

    /** Measures the given true time factors in order, as one session on one machine. */
    double[] session(SplittableRandom random, double[] factors) {
        double sigma = sigma(iidCv);
        double offset = sessionCv > 0 ? random.nextGaussian() * sigma(sessionCv) : 0;
        double hardware = hardwareGap > 0 && random.nextBoolean() ? 1 - hardwareGap : 1;
        double drift = driftSd > 0 ? random.nextGaussian() * driftSd : 0;
        double step = Math.sqrt(1 - phi * phi) * driftSd;
        double[] times = new double[factors.length];
        for (int i = 0; i < factors.length; i++) {
            times[i] = factors[i] * hardware * Math.exp(offset + drift + random.nextGaussian() * sigma);
            if (driftSd > 0) {
                drift = phi * drift + random.nextGaussian() * step;
            }
        }
        return times;
    }

    /** {@code pairs} interleaved pairs, order randomised inside each: [best, candidate] values per pair. */
    List<double[]> interleaved(SplittableRandom random, double best, double candidate, int pairs) {
        double[] factors = new double[2 * pairs];
        boolean[] bestFirst = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            bestFirst[i] = random.nextBoolean();
            factors[2 * i] = bestFirst[i] ? best : candidate;
            factors[2 * i + 1] = bestFirst[i] ? candidate : best;
        }
        double[] times = session(random, factors);
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            double first = times[2 * i];
            double second = times[2 * i + 1];
            result.add(bestFirst[i] ? new double[] {first, second} : new double[] {second, first});
        }
        return result;
    }

    private static double sigma(double cv) {
        return Math.sqrt(Math.log(1 + cv * cv));
    }
}
