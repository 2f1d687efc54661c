package org.genomod.model.autoencoder.internal;

import java.util.SplittableRandom;

/**
 * What a denoising autoencoder does to its training inputs (Vincent et al. 2010). The targets stay
 * intact, so the network learns to restore what was corrupted; masking noise is the imputation task
 * itself, played on the values that are known.
 */
enum Corruption {
    NONE,
    /** Hides each visible value with probability {@code noise}, exactly as a missing value is shown. */
    MASKING,
    /** Adds Gaussian noise of standard deviation {@code noise} to each visible value. */
    GAUSSIAN;

    /**
     * Corrupts scaled values in place.
     *
     * @param values   {@code examples × genes} scaled values, 0 where missing
     * @param observed the matching observed flags (1 or 0); masking sets hidden ones to 0
     */
    void apply(float[] values, float[] observed, double noise, SplittableRandom random) {
        if (this == NONE || noise <= 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (observed[i] == 0f) {
                continue;
            }
            if (this == MASKING) {
                if (random.nextDouble() < noise) {
                    values[i] = 0f;
                    observed[i] = 0f;
                }
            } else {
                values[i] += (float) (noise * random.nextGaussian());
            }
        }
    }
}
