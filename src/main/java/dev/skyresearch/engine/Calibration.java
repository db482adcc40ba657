package dev.skyresearch.engine;

import dev.skyresearch.stats.SignedRank;
import dev.skyresearch.stats.Summary;
import dev.skyresearch.stats.Trend;
import java.util.List;

/**
 * Reads an A/A calibration (the best against itself, interleaved) into a {@link NoiseRecord}: the noise is
 * the robust spread of the pair log ratios; a significant difference or a monotone drift also quarantines.
 */
public final class Calibration {
    private Calibration() {
    }

    public static NoiseRecord assess(List<PairSample> pairs, NoisePolicy policy, long durationMillis) {
        double[] logs = pairs.stream().mapToDouble(pair -> Math.log(pair.candidate() / pair.best())).toArray();
        double pairSigma = Summary.MAD_TO_SIGMA * Summary.mad(logs);
        double runCv = Math.sqrt(Math.exp(pairSigma * pairSigma / 2) - 1);
        double[] negated = java.util.Arrays.stream(logs).map(d -> -d).toArray();
        double aaP = Math.min(1, 2 * Math.min(SignedRank.pLess(logs), SignedRank.pLess(negated)));
        double[] series = pairs.stream().mapToDouble(PairSample::best).toArray();
        double drift = Trend.spearman(series);
        long runMillis = pairs.isEmpty() ? 0 : durationMillis / (2L * pairs.size());
        return new NoiseRecord(runCv, pairSigma, aaP, drift, band(runCv, aaP, drift, policy),
                reason(runCv, aaP, drift, policy), runMillis);
    }

    private static NoiseBand band(double runCv, double aaP, double drift, NoisePolicy policy) {
        if (runCv > policy.maxCv() || aaP < NoisePolicy.AA_SIGNIFICANCE || Math.abs(drift) >= NoisePolicy.DRIFT_RHO) {
            return NoiseBand.QUARANTINED;
        }
        return runCv <= policy.trustedCv() ? NoiseBand.TRUSTED : NoiseBand.USABLE;
    }

    private static String reason(double runCv, double aaP, double drift, NoisePolicy policy) {
        if (runCv > policy.maxCv()) {
            return "CV %.1f%% is above noise.max_cv %.1f%%".formatted(100 * runCv, 100 * policy.maxCv());
        }
        if (aaP < NoisePolicy.AA_SIGNIFICANCE) {
            return "the best differs from itself (A/A p=%.2g)".formatted(aaP);
        }
        if (Math.abs(drift) >= NoisePolicy.DRIFT_RHO) {
            return "its times drift during the calibration (Spearman rho %.2f)".formatted(drift);
        }
        return "CV %.1f%%".formatted(100 * runCv);
    }
}
