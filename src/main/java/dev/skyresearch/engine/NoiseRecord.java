package dev.skyresearch.engine;

/**
 * What a machine's last A/A calibration measured: per-run CV, the spread of one pair's log ratio, the A/A
 * p-value (two-sided), the drift of its series, the resulting band and why, and one benchmark run's duration.
 */
public record NoiseRecord(double runCv, double pairSigma, double aaP, double driftRho, NoiseBand band, String reason,
                          long runMillis) {
}
