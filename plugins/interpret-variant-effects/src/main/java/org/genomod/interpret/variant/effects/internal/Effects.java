package org.genomod.interpret.variant.effects.internal;

/** The score arithmetic and how scores are written, shared by both output formats. */
final class Effects {
    /**
     * Probabilities are clamped to {@code [ε, 1 − ε]} before the logit, so that a saturated output (a
     * float 0 or 1) gives a finite score; 1e-7 is about the resolution of a float just below 1.
     */
    static final double EPSILON = 1e-7;

    private Effects() {
    }

    static double logit(double p) {
        double q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(q / (1 - q));
    }

    /** A score as written: the shortest decimal that reads back as the same float. */
    static String format(double value) {
        return Float.toString((float) value);
    }
}
