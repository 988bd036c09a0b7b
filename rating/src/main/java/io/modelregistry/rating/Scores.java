package io.modelregistry.rating;

/** Arithmetic every metric shares: clamping to [0, 1], rounding for stable, comparable values, log scales. */
final class Scores {

    private Scores() {
    }

    static double clamp(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Math.max(0, Math.min(1, value));
    }

    /** Three decimals: enough to compare, stable across runs. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** log10(1 + count) / log10(1 + saturation), clamped: 0 at zero, 1 at {@code saturation} and beyond. */
    static double logScale(double count, double saturation) {
        if (count <= 0) {
            return 0;
        }
        return clamp(Math.log10(1 + count) / Math.log10(1 + saturation));
    }

    /** Linear from 1 at or below {@code full} to 0 at or above {@code zero}. */
    static double linearDown(double x, double full, double zero) {
        if (x <= full) {
            return 1;
        }
        if (x >= zero) {
            return 0;
        }
        return 1 - (x - full) / (zero - full);
    }

    static String two(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
