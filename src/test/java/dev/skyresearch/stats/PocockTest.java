package dev.skyresearch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PocockTest {
    @Test
    void theBoundaryForFivePercentIsThePublishedOne() {
        assertEquals(0.0294, Pocock.perLookAlpha(0.05), 0.0003);
    }

    @Test
    void theBoundaryKeepsTheOverallLevel() {
        double perLook = Pocock.perLookAlpha(0.01);
        assertEquals(0.01, Pocock.overall(Normal.quantile(1 - perLook)), 1e-5);
    }
}
