package org.genomod.interpret.ism.internal;

import java.util.List;
import java.util.Map;
import org.genomod.api.data.DatasetSchema;

/**
 * How one-hot nucleotide sequences are laid out for the model: the model's window ({@code featureShape[0]}
 * of its schema), the length of the sequences to mutate (that of the dataset, which may be longer: it is
 * then scored window by window) and the alphabet in channel order.
 */
record SequenceLayout(int window, int length, String alphabet) {
    static final int CHANNELS = 4;
    private static final Map<String, String> ALPHABETS = Map.of("dna-one-hot", "ACGT", "rna-one-hot", "ACGU");

    static SequenceLayout of(DatasetSchema model, DatasetSchema data) {
        String alphabet = ALPHABETS.get(model.encoding());
        if (alphabet == null || !isSequence(model.featureShape())) {
            throw new IllegalArgumentException("in-silico mutagenesis needs a model of one-hot nucleotide sequences "
                    + "(encoding dna-one-hot or rna-one-hot, features [length, 4]), but the model reads "
                    + model.encoding() + " features of shape " + model.featureShape());
        }
        if (!data.encoding().equals(model.encoding()) || !isSequence(data.featureShape())) {
            throw new IllegalArgumentException("the sequences to mutate are " + data.encoding() + " of shape "
                    + data.featureShape() + ", but the model reads " + model.encoding() + " of shape " + model.featureShape());
        }
        int window = model.featureShape().get(0);
        int length = data.featureShape().get(0);
        if (length < window) {
            throw new IllegalArgumentException("the sequences to mutate have " + length + " positions, fewer than the model's "
                    + window + "-position window");
        }
        return new SequenceLayout(window, length, alphabet);
    }

    private static boolean isSequence(List<Integer> shape) {
        return shape.size() == 2 && shape.get(1) == CHANNELS;
    }

    /** Feature values of one window. */
    int windowValues() {
        return window * CHANNELS;
    }

    /** The channel set at {@code position} when it holds exactly one base, or -1 (padding, ambiguity codes). */
    static int base(float[] sequence, int position) {
        int offset = position * CHANNELS;
        int base = -1;
        for (int c = 0; c < CHANNELS; c++) {
            float v = sequence[offset + c];
            if (v == 1f && base < 0) {
                base = c;
            } else if (v != 0f) {
                return -1;
            }
        }
        return base;
    }
}
