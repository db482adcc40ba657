package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PocockTest {
    @Test
    void theOneSidedBoundaryForFivePercentMatchesPococksTableForTwoSidedTen() {
        // Pocock's K=2 constant for two-sided 0.10 is 1.875, i.e. a one-sided level of 0.0304 per look.
        assertEquals(0.0304, Pocock.perLookAlpha(0.05), 0.0002);
        // and the familiar 0.0294 is the two-sided 0.05 boundary, i.e. one-sided 0.025 per tail doubled.
        assertEquals(0.0294, 2 * Pocock.perLookAlpha(0.025), 0.0003);
    }

    @Test
    void theBoundaryKeepsTheOverallLevel() {
        double perLook = Pocock.perLookAlpha(0.01);
        assertEquals(0.01, Pocock.overall(Normal.quantile(1 - perLook)), 1e-5);
    }
}
