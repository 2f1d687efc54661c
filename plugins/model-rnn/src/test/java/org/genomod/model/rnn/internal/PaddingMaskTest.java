package org.genomod.model.rnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PaddingMaskTest {

    /** One sequence per string, NCW, 2 channels: '.' an all-zero position, 'a' channel 0, 'b' channel 1, '-' -1 in channel 1. */
    private static INDArray sequences(String... rows) {
        INDArray array = Nd4j.zeros(rows.length, 2, rows[0].length());
        for (int i = 0; i < rows.length; i++) {
            for (int t = 0; t < rows[i].length(); t++) {
                switch (rows[i].charAt(t)) {
                    case 'a' -> array.putScalar(new long[] {i, 0, t}, 1);
                    case 'b' -> array.putScalar(new long[] {i, 1, t}, 1);
                    case '-' -> array.putScalar(new long[] {i, 1, t}, -1);
                    default -> {
                    }
                }
            }
        }
        return array;
    }

    @Test
    void masksTheAllZeroRunsAtBothEndsOnly() {
        INDArray mask = PaddingMask.of(sequences("..ab.a..", "abababab", "a......b", "...-b..."));
        assertArrayEquals(new float[][] {
                {0, 0, 1, 1, 1, 1, 0, 0},
                {1, 1, 1, 1, 1, 1, 1, 1},
                {1, 1, 1, 1, 1, 1, 1, 1},  // zeros inside a sequence are content (a protein's stop)
                {0, 0, 0, 1, 1, 0, 0, 0}}, // negative values are content too
                mask.toFloatMatrix());
    }

    @Test
    void noMaskWhenNothingIsPadded() {
        assertNull(PaddingMask.of(sequences("ab.ab", "b...a")));
    }

    @Test
    void anAllZeroSequenceStaysUnmasked() {
        // masking every position would leave pooling nothing to read; such an example has no content anyway
        INDArray mask = PaddingMask.of(sequences(".....", ".ab.."));
        assertArrayEquals(new float[][] {{1, 1, 1, 1, 1}, {0, 1, 1, 0, 0}}, mask.toFloatMatrix());
    }

    @Test
    void refusesArraysThatAreNotSequences() {
        assertThrows(IllegalArgumentException.class, () -> PaddingMask.of(Nd4j.zeros(3, 4)));
    }
}
