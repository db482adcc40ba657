package dev.skyresearch.journal;

import dev.skyresearch.engine.Verdict;
import java.util.Locale;

/** How the documents write gains and intervals: "+5.2% [3.1%, 7.4%], p=0.0012". */
final class Formats {
    private Formats() {
    }

    static String gain(Verdict verdict) {
        String p = Double.isNaN(verdict.p()) ? "" : String.format(Locale.ROOT, ", p=%.4g", verdict.p());
        String interval = Double.isNaN(verdict.gainLow()) ? "[no 95% interval]" : String.format(Locale.ROOT,
                "[%+.1f%%, %+.1f%%]", 100 * verdict.gainLow(), 100 * verdict.gainHigh());
        return String.format(Locale.ROOT, "%+.1f%% %s%s", 100 * verdict.gain(), interval, p);
    }

    static String value(double value, String unit) {
        return String.format(Locale.ROOT, "%.4g%s", value, unit.isEmpty() ? "" : " " + unit);
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }
}
