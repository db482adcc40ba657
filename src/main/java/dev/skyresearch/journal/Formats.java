package dev.skyresearch.journal;

import dev.skyresearch.engine.Direction;
import dev.skyresearch.engine.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the documents write numbers: gains as "+5.2% [3.1%, 7.4%], p=0.0012". Stateless, locale-independent. */
final class Formats {
    private Formats() {
    }

    /** The verdict's gain, its 95% interval and its p-value (screens have no test, so no p). */
    static String gain(Verdict verdict) {
        String interval = Double.isNaN(verdict.gainLow()) ? "[no 95% interval]" : String.format(Locale.ROOT,
                "[%.1f%%, %.1f%%]", 100 * verdict.gainLow(), 100 * verdict.gainHigh());
        String p = Double.isNaN(verdict.p()) ? "" : ", " + p(verdict.p());
        return String.format(Locale.ROOT, "%+.1f%% %s%s", 100 * verdict.gain(), interval, p);
    }

    /** Two significant digits, and a floor: beyond 1e-4 more digits claim a precision the test does not have. */
    static String p(double p) {
        if (p < 0.0001) {
            return "p<0.0001";
        }
        return "p=" + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** How much better {@code best} is than {@code baseline}, positive when better in the metric's direction. */
    static String improvement(double baseline, double best, Direction direction) {
        double gain = direction == Direction.LOWER ? (baseline - best) / baseline : (best - baseline) / baseline;
        return String.format(Locale.ROOT, "%+.1f%%", 100 * gain);
    }

    static String value(double value, String unit) {
        return String.format(Locale.ROOT, "%.4g%s", value, unit.isEmpty() ? "" : " " + unit);
    }

    /** Text for one Markdown table cell: pipes escaped, line breaks folded. */
    static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ").strip();
    }

    /** The first non-blank line, for headings. */
    static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
