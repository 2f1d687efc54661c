package org.genomod.api.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparseMatricesTest {

    @Test
    void pathGraphGetsSelfLoopsAndSymmetricNormalisation() {
        // 0 - 1 - 2, undirected; A + I has degrees 2, 3, 2
        CsrMatrix a = new CsrMatrix(3, 3, new int[] {0, 1, 3, 4}, new int[] {1, 0, 2, 1}, new float[] {1, 1, 1, 1});
        CsrMatrix n = SparseMatrices.normalisedWithSelfLoops(a);
        assertArrayEquals(new int[] {0, 2, 5, 7}, n.rowPointers());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2, 1, 2}, n.columnIndices());
        float[] expected = {
            1 / 2f, (float) (1 / Math.sqrt(6)),
            (float) (1 / Math.sqrt(6)), 1 / 3f, (float) (1 / Math.sqrt(6)),
            (float) (1 / Math.sqrt(6)), 1 / 2f};
        assertArrayEquals(expected, n.values(), 1e-7f);
    }

    @Test
    void existingDiagonalIsReplacedNotDoubled() {
        CsrMatrix a = new CsrMatrix(2, 2, new int[] {0, 2, 3}, new int[] {0, 1, 0}, new float[] {5, 1, 1});
        CsrMatrix n = SparseMatrices.normalisedWithSelfLoops(a);
        assertEquals(4, n.nonZeros());
        assertEquals(0.5f, n.values()[0], 1e-7f);
    }
}
