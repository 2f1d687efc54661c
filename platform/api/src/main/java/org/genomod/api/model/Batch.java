package org.genomod.api.model;

import java.util.Objects;

/**
 * A mini-batch in flat row-major arrays: {@code size × featureSize} features and, when labelled,
 * {@code size × labelSize} labels. Arrays are owned by the caller and reused between batches, so a
 * model must copy what it keeps.
 */
public final class Batch {
    private final int size;
    private final float[] features;
    private final float[] labels;

    public Batch(int size, float[] features, float[] labels) {
        if (size < 1) {
            throw new IllegalArgumentException("empty batch");
        }
        this.size = size;
        this.features = Objects.requireNonNull(features, "features");
        this.labels = labels;
    }

    public int size() {
        return size;
    }

    public float[] features() {
        return features;
    }

    /** Labels, or {@code null} for prediction batches. */
    public float[] labels() {
        return labels;
    }
}
