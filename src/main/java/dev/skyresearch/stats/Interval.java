package dev.skyresearch.stats;

/** A point estimate with the bounds of its confidence interval ({@code low <= estimate <= high} when finite). */
public record Interval(double estimate, double low, double high) {
    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
