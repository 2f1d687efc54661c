package org.genomod.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sequence model whose first layer is a bank of convolution filters over the sequence channels
 * (DeepBind, DeepSEA, Basset, DanQ). Motif extraction reads what each filter responds to.
 */
@ConsumerType
public interface SequenceFilterModel extends Model {

    /** Number of first-layer filters. */
    int filterCount();

    /** Width of every first-layer filter, in positions. */
    int filterWidth();

    /**
     * First-layer activations after the layer's non-linearity, {@code size × windows × filterCount}
     * row-major, where window {@code p} is the filter's placement on positions {@code p .. p + filterWidth - 1}
     * and {@code windows = length - filterWidth + 1} (placements overlapping padding are left out).
     */
    float[] filterActivations(Batch batch);
}
