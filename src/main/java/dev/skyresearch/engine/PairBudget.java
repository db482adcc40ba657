package dev.skyresearch.engine;

/**
 * Fits pair counts to verify.budget: a quarter of it for screening, three quarters for the first verification
 * look, at the machine's measured run time (its calibration, else the baseline job). Never below what a
 * decision needs: 2 screening pairs, 6 verification pairs (with 5, an exact one-sided signed-rank p cannot go
 * below 1/32, so nothing could ever be kept), 5 calibration pairs. Part of the engine; same thread rule.
 */
final class PairBudget {
    static final int MIN_SCREEN = 2;
    static final int MIN_VERIFY = 6;
    static final int MIN_CALIBRATION = 5;
    private final Engine engine;

    PairBudget(Engine engine) {
        this.engine = engine;
    }

    int screenPairs(MachineSlot slot) {
        return fit(engine.policy.screenPairs(), MIN_SCREEN, 0.25, runMillis(slot));
    }

    int verifyPairs(MachineSlot slot, int wanted) {
        return fit(wanted, MIN_VERIFY, 0.75, runMillis(slot));
    }

    int calibrationPairs(MachineSlot slot) {
        return fit(engine.policy.noise().calibrationPairs(), MIN_CALIBRATION, 0.5, runMillis(slot));
    }

    private int fit(int wanted, int minimum, double share, long runMillis) {
        long budget = engine.policy.candidateBudgetMillis();
        if (budget <= 0 || runMillis <= 0) {
            return wanted;
        }
        long affordable = (long) (budget * share) / (2 * runMillis);
        return (int) Math.max(Math.min(minimum, wanted), Math.min(wanted, affordable));
    }

    private long runMillis(MachineSlot slot) {
        return slot.noise.map(NoiseRecord::runMillis).filter(millis -> millis > 0).orElse(engine.baselineMillis);
    }
}
