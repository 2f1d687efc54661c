package org.genomod.dl4j;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link BatchArrays} for a graph: each batch's features cut into the graph's inputs (each in its own
 * layout), its labels into the graph's outputs, and class weights into one label mask per output. The
 * arrays are reused from batch to batch, a few batch sizes kept.
 */
final class GraphArrays implements AutoCloseable {
    private static final int SIZES_KEPT = 4;

    private final DatasetSchema schema;
    private final List<Dl4jGraphModel.Input> inputs;
    private final List<Dl4jGraphModel.Output> outputs;
    private final ClassWeights weights;
    private final Map<Integer, Buffers> bySize = new HashMap<>();

    GraphArrays(DatasetSchema schema, List<Dl4jGraphModel.Input> inputs, List<Dl4jGraphModel.Output> outputs, ClassWeights weights) {
        this.schema = schema;
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights;
    }

    /** One array per graph input, in its layout. */
    INDArray[] features(Batch batch) {
        int size = batch.size();
        int exampleSize = schema.featureSize();
        if (batch.features().length < size * exampleSize) {
            throw new IllegalArgumentException("a batch of " + size + " examples needs " + size * exampleSize
                    + " feature values, got " + batch.features().length);
        }
        Buffers buffers = buffers(size);
        for (int k = 0; k < inputs.size(); k++) {
            Dl4jGraphModel.Input input = inputs.get(k);
            int n = input.size();
            float[] slice = buffers.slices[k];
            for (int e = 0; e < size; e++) {
                System.arraycopy(batch.features(), e * exampleSize + input.offset(), slice, e * n, n);
            }
            float[] ordered = slice;
            if (input.layout().rearranges()) {
                input.layout().arrange(slice, size, input.shape(), buffers.arranged[k]);
                ordered = buffers.arranged[k];
            }
            buffers.featureData[k].put(0, ordered, 0, size * n);
        }
        return buffers.features;
    }

    /** One array per graph output: its label columns. */
    INDArray[] labels(Batch batch) {
        int size = batch.size();
        if (batch.labels() == null) {
            throw new IllegalArgumentException("the batch has no labels");
        }
        if (batch.labels().length < size * schema.labelSize()) {
            throw new IllegalArgumentException("a batch of " + size + " examples needs " + size * schema.labelSize()
                    + " label values, got " + batch.labels().length);
        }
        Buffers buffers = buffers(size);
        columns(batch.labels(), size, schema.labelSize(), buffers.labelData, buffers.columns);
        return buffers.labels;
    }

    /** One label mask per graph output carrying the class weights, or {@code null} without class weights. */
    INDArray[] labelWeights(Batch batch) {
        if (weights == null) {
            return null;
        }
        Buffers buffers = buffers(batch.size());
        if (buffers.masks == null) {
            buffers.allocateMasks(batch.size());
        }
        weights.fill(batch.labels(), batch.size(), FloatBuffer.wrap(buffers.mask));
        if (schema.task() == TaskType.MULTICLASS) {
            buffers.maskData[0].put(0, buffers.mask, 0, batch.size()); // one weight per example, one output
        } else {
            columns(buffers.mask, batch.size(), schema.labelSize(), buffers.maskData, buffers.columns);
        }
        return buffers.masks;
    }

    /** Copies each output's columns of a row-major {@code [size, width]} table into its array. */
    private void columns(float[] table, int size, int width, FloatBuffer[] into, float[] staging) {
        for (int o = 0; o < outputs.size(); o++) {
            Dl4jGraphModel.Output output = outputs.get(o);
            for (int e = 0; e < size; e++) {
                System.arraycopy(table, e * width + output.first(), staging, e * output.count(), output.count());
            }
            into[o].put(0, staging, 0, size * output.count());
        }
    }

    private Buffers buffers(int size) {
        Buffers buffers = bySize.get(size);
        if (buffers == null) {
            if (bySize.size() >= SIZES_KEPT) {
                bySize.clear(); // the network may still refer to them; the garbage collector frees them
            }
            buffers = new Buffers(size);
            bySize.put(size, buffers);
        }
        return buffers;
    }

    /** Arrays that outlive every workspace scope, as the network's inputs must. */
    private static INDArray detached(long... shape) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(DataType.FLOAT, shape);
        }
    }

    @Override
    public void close() {
        bySize.values().forEach(Buffers::close);
        bySize.clear();
    }

    private final class Buffers {
        final INDArray[] features = new INDArray[inputs.size()];
        final FloatBuffer[] featureData = new FloatBuffer[inputs.size()];
        final float[][] slices = new float[inputs.size()][];
        final float[][] arranged = new float[inputs.size()][];
        final INDArray[] labels = new INDArray[outputs.size()];
        final FloatBuffer[] labelData = new FloatBuffer[outputs.size()];
        /** Room for the widest output's columns of a batch. */
        final float[] columns;
        INDArray[] masks;
        FloatBuffer[] maskData;
        float[] mask;

        Buffers(int size) {
            for (int k = 0; k < inputs.size(); k++) {
                Dl4jGraphModel.Input input = inputs.get(k);
                features[k] = detached(input.layout().shape(size, input.shape()));
                featureData[k] = features[k].data().asNioFloat();
                slices[k] = new float[size * input.size()];
                arranged[k] = input.layout().rearranges() ? new float[size * input.size()] : null;
            }
            int widest = 0;
            for (int o = 0; o < outputs.size(); o++) {
                labels[o] = detached(size, outputs.get(o).count());
                labelData[o] = labels[o].data().asNioFloat();
                widest = Math.max(widest, outputs.get(o).count());
            }
            columns = new float[size * widest];
        }

        void allocateMasks(int size) {
            long[] shape = weights.maskShape(size);
            mask = new float[(int) (shape[0] * shape[1])];
            masks = new INDArray[outputs.size()];
            maskData = new FloatBuffer[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                masks[o] = detached(size, schema.task() == TaskType.MULTICLASS ? 1 : outputs.get(o).count());
                maskData[o] = masks[o].data().asNioFloat();
            }
        }

        void close() {
            for (INDArray a : features) {
                a.close();
            }
            for (INDArray a : labels) {
                a.close();
            }
            if (masks != null) {
                for (INDArray a : masks) {
                    a.close();
                }
            }
        }
    }
}
