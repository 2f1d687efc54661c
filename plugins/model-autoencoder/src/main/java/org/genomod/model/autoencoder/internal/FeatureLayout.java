package org.genomod.model.autoencoder.internal;

import java.util.List;
import org.genomod.api.data.DatasetSchema;

/**
 * Where a reconstruction dataset keeps each gene's value and whether it was observed: features of shape
 * {@code [genes]} (NaN where missing) or {@code [genes, 2]} (value, observed flag), position-major, as
 * reader-expression's {@code mask: true} writes them.
 */
record FeatureLayout(int genes, boolean observedChannel) {

    /** The layout of {@code schema}'s features, or {@code null} when they are not one value (and flag) per output. */
    static FeatureLayout of(DatasetSchema schema) {
        List<Integer> shape = schema.featureShape();
        int genes = schema.labelSize();
        if (shape.size() == 1 && shape.get(0) == genes) {
            return new FeatureLayout(genes, false);
        }
        if (shape.size() == 2 && shape.get(0) == genes && shape.get(1) == 2) {
            return new FeatureLayout(genes, true);
        }
        return null;
    }

    float value(float[] features, int example, int gene) {
        return observedChannel ? features[(example * genes + gene) * 2] : features[example * genes + gene];
    }

    boolean observed(float[] features, int example, int gene) {
        float value = value(features, example, gene);
        return !Float.isNaN(value) && (!observedChannel || features[(example * genes + gene) * 2 + 1] != 0f);
    }
}
