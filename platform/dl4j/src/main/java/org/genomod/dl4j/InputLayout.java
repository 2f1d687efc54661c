package org.genomod.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How the examples of a batch, stored row-major in their schema's feature shape, are laid out as a
 * network's input array. Sequence layouts read the feature shape as {@code [length, channels]}.
 */
@ProviderType
public enum InputLayout {
    /** {@code [batch, featureSize]}: any feature shape, flattened, for dense layers. */
    FLAT,
    /**
     * {@code [batch, channels, length]} (NCW), transposed while copying. Deeplearning4j's Convolution1D,
     * Subsampling1D and global pooling compute in this layout natively, and it is the fastest for 1-D
     * convolution on CPU (oneDNN); channels-last input is permuted inside each of those layers.
     */
    CHANNELS_FIRST,
    /** {@code [batch, length, channels]} (NWC), copied as stored; for layers configured with {@link RNNFormat#NWC}. */
    CHANNELS_LAST;

    /** The input array's shape for {@code batchSize} examples. */
    public long[] shape(int batchSize, List<Integer> featureShape) {
        if (this == FLAT) {
            return new long[] {batchSize, size(featureShape)};
        }
        int length = length(featureShape);
        int channels = channels(featureShape);
        return this == CHANNELS_FIRST
                ? new long[] {batchSize, channels, length}
                : new long[] {batchSize, length, channels};
    }

    /** The input type to give {@code setInputType}, so that Deeplearning4j infers layer sizes and preprocessors. */
    public InputType inputType(List<Integer> featureShape) {
        return switch (this) {
            case FLAT -> InputType.feedForward(size(featureShape));
            case CHANNELS_FIRST -> InputType.recurrent(channels(featureShape), length(featureShape), RNNFormat.NCW);
            case CHANNELS_LAST -> InputType.recurrent(channels(featureShape), length(featureShape), RNNFormat.NWC);
        };
    }

    /** Whether this layout can hold examples of the given shape. */
    public boolean accepts(List<Integer> featureShape) {
        return this == FLAT || featureShape.size() == 2;
    }

    /** Whether examples must be rearranged on their way in; layouts that keep the stored order are copied in bulk. */
    boolean rearranges() {
        return this == CHANNELS_FIRST;
    }

    /**
     * Writes {@code examples} examples from {@code source} (row-major in {@code featureShape}) into
     * {@code dest} in this layout's order. Plain arrays, so that the transpose runs at memory speed; the
     * caller copies the result into the input array in one go.
     */
    void arrange(float[] source, int examples, List<Integer> featureShape, float[] dest) {
        transpose(source, examples, featureShape, dest, true);
    }

    /** The inverse of {@link #arrange}: {@code arranged} in this layout's order back to row-major {@code featureShape}. */
    void restore(float[] arranged, int examples, List<Integer> featureShape, float[] dest) {
        transpose(arranged, examples, featureShape, dest, false);
    }

    private void transpose(float[] from, int examples, List<Integer> featureShape, float[] to, boolean toLayout) {
        if (!rearranges()) {
            System.arraycopy(from, 0, to, 0, examples * size(featureShape));
            return;
        }
        int length = length(featureShape);
        int channels = channels(featureShape);
        int exampleSize = length * channels;
        for (int base = 0; base < examples * exampleSize; base += exampleSize) {
            for (int c = 0; c < channels; c++) {
                int channelRow = base + c * length;
                if (toLayout) {
                    for (int position = 0, stored = base + c; position < length; position++, stored += channels) {
                        to[channelRow + position] = from[stored];
                    }
                } else {
                    for (int position = 0, stored = base + c; position < length; position++, stored += channels) {
                        to[stored] = from[channelRow + position];
                    }
                }
            }
        }
    }

    private int length(List<Integer> featureShape) {
        requireSequence(featureShape);
        return featureShape.get(0);
    }

    private int channels(List<Integer> featureShape) {
        requireSequence(featureShape);
        return featureShape.get(1);
    }

    private void requireSequence(List<Integer> featureShape) {
        if (featureShape.size() != 2) {
            throw new IllegalArgumentException("layout " + this + " needs a [length, channels] feature shape, got " + featureShape);
        }
    }

    private static int size(List<Integer> featureShape) {
        return featureShape.stream().reduce(1, (a, b) -> a * b);
    }
}
