package org.genomod.dl4j;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input, label and label-weight arrays, reused from batch to batch so that feeding a network allocates
 * no native memory after the first batch of each size. A trainer uses two sizes (full batches and the
 * last one of an epoch) and prediction perhaps a third, so a few sizes are kept.
 */
final class BatchArrays implements AutoCloseable {
    private static final int SIZES_KEPT = 4;

    private final DatasetSchema schema;
    private final InputLayout layout;
    private final ClassWeights weights;
    private final Map<Integer, Buffers> bySize = new HashMap<>();

    BatchArrays(DatasetSchema schema, InputLayout layout, ClassWeights weights) {
        this.schema = schema;
        this.layout = layout;
        this.weights = weights;
    }

    /** The batch's features in the network's input layout. */
    INDArray features(Batch batch) {
        int size = batch.size();
        int needed = size * schema.featureSize();
        if (batch.features().length < needed) {
            throw new IllegalArgumentException("a batch of " + size + " examples needs " + needed
                    + " feature values, got " + batch.features().length);
        }
        Buffers buffers = buffers(size);
        if (layout.rearranges()) {
            layout.arrange(batch.features(), size, schema.featureShape(), buffers.staging);
            buffers.featureData.put(0, buffers.staging, 0, needed);
        } else {
            buffers.featureData.put(0, batch.features(), 0, needed);
        }
        return buffers.features;
    }

    /** The batch's labels, {@code [size, labelSize]}. */
    INDArray labels(Batch batch) {
        int size = batch.size();
        int needed = size * schema.labelSize();
        if (batch.labels() == null) {
            throw new IllegalArgumentException("the batch has no labels");
        }
        if (batch.labels().length < needed) {
            throw new IllegalArgumentException("a batch of " + size + " examples needs " + needed
                    + " label values, got " + batch.labels().length);
        }
        Buffers buffers = buffers(size);
        buffers.labelData.put(0, batch.labels(), 0, needed);
        return buffers.labels;
    }

    /** Per-example or per-output loss weights for the batch's labels, or {@code null} without class weights. */
    INDArray labelWeights(Batch batch) {
        if (weights == null) {
            return null;
        }
        Buffers buffers = buffers(batch.size());
        if (buffers.weights == null) {
            buffers.weights = detached(weights.maskShape(batch.size()));
            buffers.weightData = buffers.weights.data().asNioFloat();
        }
        weights.fill(batch.labels(), batch.size(), buffers.weightData);
        return buffers.weights;
    }

    private Buffers buffers(int size) {
        Buffers buffers = bySize.get(size);
        if (buffers == null) {
            if (bySize.size() >= SIZES_KEPT) {
                bySize.clear(); // the network may still refer to them; the garbage collector frees them
            }
            buffers = new Buffers(detached(layout.shape(size, schema.featureShape())),
                    detached(new long[] {size, schema.labelSize()}),
                    layout.rearranges() ? new float[size * schema.featureSize()] : null);
            bySize.put(size, buffers);
        }
        return buffers;
    }

    /** Arrays that outlive every workspace scope, as the network's input must. */
    private static INDArray detached(long[] shape) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(DataType.FLOAT, shape);
        }
    }

    @Override
    public void close() {
        for (Buffers buffers : bySize.values()) {
            buffers.close();
        }
        bySize.clear();
    }

    private static final class Buffers {
        final INDArray features;
        final FloatBuffer featureData;
        final float[] staging;
        final INDArray labels;
        final FloatBuffer labelData;
        INDArray weights;
        FloatBuffer weightData;

        Buffers(INDArray features, INDArray labels, float[] staging) {
            this.features = features;
            this.featureData = features.data().asNioFloat();
            this.staging = staging;
            this.labels = labels;
            this.labelData = labels.data().asNioFloat();
        }

        void close() {
            features.close();
            labels.close();
            if (weights != null) {
                weights.close();
            }
        }
    }
}
