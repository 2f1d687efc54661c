package org.genomod.model.rnn.internal;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Deeplearning4j feature mask of a batch of sequences: 0 for padding, 1 elsewhere. Readers centre
 * shorter sequences between all-zero positions, so padding is the run of all-zero positions at either
 * end. All-zero positions inside a sequence (a protein's {@code *}) are content and stay unmasked, so a
 * recurrent layer carries its state across them rather than restarting.
 */
final class PaddingMask {
    private PaddingMask() {
    }

    /**
     * @param sequences {@code [batch, channels, length]} (NCW)
     * @return {@code [batch, length]}, or {@code null} when no sequence of the batch is padded, so that the
     *         network takes its faster unmasked path; a sequence with no non-zero position is left unmasked
     */
    static INDArray of(INDArray sequences) {
        if (sequences.rank() != 3) {
            throw new IllegalArgumentException("expected sequences [batch, channels, length], got shape "
                    + Arrays.toString(sequences.shape()));
        }
        float[][] mask = sequences.amax(1).toFloatMatrix(); // per position the largest |value| over channels
        boolean padded = false;
        for (float[] row : mask) {
            int first = 0;
            while (first < row.length && row[first] == 0) {
                first++;
            }
            int last = row.length - 1;
            while (last > first && row[last] == 0) {
                last--;
            }
            boolean empty = first == row.length;
            padded |= !empty && (first > 0 || last < row.length - 1);
            for (int t = 0; t < row.length; t++) {
                row[t] = empty || (t >= first && t <= last) ? 1 : 0;
            }
        }
        return padded ? Nd4j.create(mask) : null;
    }
}
