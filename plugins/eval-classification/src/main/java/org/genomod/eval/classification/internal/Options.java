package org.genomod.eval.classification.internal;

/**
 * The evaluator's parameters.
 *
 * @param threshold     a binary or multi-label output is predicted positive when its score is at least this
 * @param bootstrap     bootstrap replicates for the curve bands and area intervals; 0 leaves them out
 * @param bootstrapSeed seed of the bootstrap draws
 * @param curveOutputs  how many outputs (the first, in output order) get curves
 */
record Options(double threshold, int bootstrap, long bootstrapSeed, int curveOutputs) {
}
