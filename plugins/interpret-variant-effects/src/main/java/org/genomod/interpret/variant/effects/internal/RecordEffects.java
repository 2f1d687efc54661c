package org.genomod.interpret.variant.effects.internal;

import htsjdk.variant.variantcontext.VariantContext;

/**
 * One VCF record on its way through the scorer: why each ALT allele is skipped, or which rows of its
 * batch hold the REF window and each ALT window, and once predicted, the model's outputs for them.
 */
final class RecordEffects {
    final VariantContext variant;
    /** Whether REF disagrees with the reference at POS. */
    final boolean refMismatch;
    /** Per ALT allele: why it was not scored, or {@code null}. */
    final SkipReason[] skipped;
    /** Batch row of the REF window; -1 when no allele is scored. */
    int refRow = -1;
    /** Per ALT allele: batch row of its window, or -1. */
    final int[] altRows;
    /** Model outputs for the REF window. */
    float[] refOutputs;
    /** Per ALT allele: model outputs for its window, or {@code null} when skipped. */
    final float[][] altOutputs;

    RecordEffects(VariantContext variant, boolean refMismatch) {
        this.variant = variant;
        this.refMismatch = refMismatch;
        int alts = variant.getAlternateAlleles().size();
        this.skipped = new SkipReason[alts];
        this.altRows = new int[alts];
        this.altOutputs = new float[alts][];
        java.util.Arrays.fill(altRows, -1);
    }

    int alleles() {
        return skipped.length;
    }

    boolean scored(int alt) {
        return altOutputs[alt] != null;
    }

    /** {@code alt − ref} of output {@code o} for ALT allele {@code alt}. */
    double diff(int alt, int o) {
        return (double) altOutputs[alt][o] - refOutputs[o];
    }

    /** {@code logit(alt) − logit(ref)} of output {@code o}, probabilities clamped to [ε, 1 − ε] first. */
    double logitDiff(int alt, int o) {
        return Effects.logit(altOutputs[alt][o]) - Effects.logit(refOutputs[o]);
    }
}
