package org.genomod.api.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that draws new examples from what it learnt (a variational autoencoder). The platform's
 * {@code genomod sample} finds it with {@code instanceof} on a loaded model.
 */
@ConsumerType
public interface GenerativeModel extends Model {

    /**
     * {@code count} new examples, {@code count × labelSize} row-major, in the units of the training labels
     * (for a reconstruction dataset, the reader's units). The same seed gives the same samples, before and
     * after saving.
     *
     * @throws UnsupportedOperationException when this configuration of the family cannot sample (a plain
     *                                       autoencoder), with a sentence saying which one can
     */
    float[] sample(int count, long seed);
}
