package org.genomod.api.compute;

import java.util.Arrays;

/** Small operations on {@link CsrMatrix} that every graph model needs identically. */
public final class SparseMatrices {
    private SparseMatrices() {
    }

    /**
     * The Kipf–Welling propagation matrix {@code D^-1/2 (A + I) D^-1/2} of a square adjacency matrix,
     * with {@code D} the row sums of {@code |A| + I} (absolute values, so signed networks, e.g. activation
     * and repression, keep finite degrees and their signs). Existing diagonal entries are replaced by 1.
     */
    public static CsrMatrix normalisedWithSelfLoops(CsrMatrix a) {
        if (a.rows() != a.columns()) {
            throw new IllegalArgumentException("adjacency must be square, got " + a.rows() + " x " + a.columns());
        }
        int n = a.rows();
        int[] pointers = new int[n + 1];
        int[] columns = new int[a.nonZeros() + n];
        float[] values = new float[a.nonZeros() + n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            pointers[r] = k;
            boolean diagonal = false;
            for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                int c = a.columnIndices()[p];
                if (c == r) {
                    continue;
                }
                if (!diagonal && c > r) {
                    columns[k] = r;
                    values[k++] = 1f;
                    diagonal = true;
                }
                columns[k] = c;
                values[k++] = a.values()[p];
            }
            if (!diagonal) {
                columns[k] = r;
                values[k++] = 1f;
            }
        }
        pointers[n] = k;
        double[] degree = new double[n];
        for (int r = 0; r < n; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                degree[r] += Math.abs(values[p]);
            }
        }
        for (int r = 0; r < n; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                values[p] = (float) (values[p] / Math.sqrt(degree[r] * degree[columns[p]]));
            }
        }
        return new CsrMatrix(n, n, pointers, Arrays.copyOf(columns, k), Arrays.copyOf(values, k));
    }
}
