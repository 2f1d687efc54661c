package org.genomod.model.autoencoder.internal;

import java.util.List;

/**
 * What a model of the family is: a dense encoder and a mirrored decoder, deterministic or variational,
 * trained on corrupted inputs or not.
 *
 * @param variational   a VAE: the encoder gives a Gaussian posterior over the code, the decoder a Gaussian per gene
 * @param hidden        the encoder's hidden layer sizes; the decoder has them in reverse
 * @param latent        the code size
 * @param activation    the hidden layers' activation
 * @param corruption    what training does to the inputs (never to the targets)
 * @param noise         the masking probability, or the Gaussian noise's standard deviation in scaled units
 * @param visibleWeight the loss weight of values the (corrupted) input shows, against 1 for those it does not
 * @param observedInput whether the encoder also reads each value's observed flag
 * @param dropout       dropout rate on the inputs of the hidden layers past the first
 * @param l2            L2 penalty on the weights
 * @param beta          the weight of the KL divergence in a VAE's loss
 * @param prediction    what {@code predict} returns
 * @param sampling      where a VAE draws the codes of new examples
 */
record Architecture(boolean variational, List<Integer> hidden, int latent, String activation, Corruption corruption,
                    double noise, double visibleWeight, boolean observedInput, double dropout, double l2, double beta, Prediction prediction,
                    Sampling sampling) {

    Architecture {
        hidden = List.copyOf(hidden);
    }

    /** What {@code predict} returns per gene. */
    enum Prediction {
        /** The observed value where there is one, the model's where the value is missing. */
        IMPUTED,
        /** The model's reconstruction everywhere (denoising). */
        RECONSTRUCTED
    }

    /** Where a VAE draws the codes it decodes into new examples. */
    enum Sampling {
        /** A Gaussian fitted to the training examples' codes (the aggregate posterior): see {@link LatentDistribution}. */
        AGGREGATE,
        /** The prior, N(0, I). */
        PRIOR
    }

    /** The encoder's output width: the code, or a VAE's posterior means and log-variances. */
    int encoderOutputs() {
        return variational ? 2 * latent : latent;
    }
}
