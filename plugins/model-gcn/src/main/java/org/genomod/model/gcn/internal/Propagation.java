package org.genomod.model.gcn.internal;

import java.util.Arrays;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.compute.CsrMatrix;

/**
 * Multiplication by a network's propagation matrix Â and, for the backward pass, by Âᵀ, both through the
 * platform's {@link Accelerator}. Â is symmetric for undirected networks but not for directed (or
 * asymmetrically weighted) ones, where rows are sources and the normalisation uses row sums; the
 * transpose is therefore built once per network and shared with Â only when the two are equal.
 */
final class Propagation {
    private final Accelerator accelerator;
    private final CsrMatrix matrix;
    private final CsrMatrix transpose;

    Propagation(Accelerator accelerator, CsrMatrix matrix) {
        if (matrix.rows() != matrix.columns()) {
            throw new IllegalArgumentException("a propagation matrix must be square, got " + matrix.rows() + " x " + matrix.columns());
        }
        this.accelerator = accelerator;
        this.matrix = matrix;
        CsrMatrix t = transpose(matrix);
        this.transpose = sameEntries(matrix, t) ? matrix : t;
    }

    int nodes() {
        return matrix.rows();
    }

    boolean symmetric() {
        return transpose == matrix;
    }

    /** {@code Â · dense}, {@code dense} being {@code nodes × columns}. */
    float[] forward(float[] dense, int columns) {
        float[] out = new float[matrix.rows() * columns];
        accelerator.sparseDenseMultiply(matrix, dense, columns, out);
        return out;
    }

    /** {@code Âᵀ · dense}: the gradient of {@code Â · X} with respect to {@code X}. */
    float[] backward(float[] dense, int columns) {
        float[] out = new float[transpose.rows() * columns];
        accelerator.sparseDenseMultiply(transpose, dense, columns, out);
        return out;
    }

    /** The transpose in CSR form with sorted columns (a counting sort over the column indices). */
    static CsrMatrix transpose(CsrMatrix a) {
        int[] pointers = new int[a.columns() + 1];
        for (int c : a.columnIndices()) {
            pointers[c + 1]++;
        }
        for (int c = 0; c < a.columns(); c++) {
            pointers[c + 1] += pointers[c];
        }
        int[] next = Arrays.copyOf(pointers, a.columns());
        int[] columns = new int[a.nonZeros()];
        float[] values = new float[a.nonZeros()];
        for (int r = 0; r < a.rows(); r++) { // rows in order, so each transposed row comes out sorted
            for (int p = a.rowPointers()[r]; p < a.rowPointers()[r + 1]; p++) {
                int at = next[a.columnIndices()[p]]++;
                columns[at] = r;
                values[at] = a.values()[p];
            }
        }
        return new CsrMatrix(a.columns(), a.rows(), pointers, columns, values);
    }

    private static boolean sameEntries(CsrMatrix a, CsrMatrix b) {
        return Arrays.equals(a.rowPointers(), b.rowPointers()) && Arrays.equals(a.columnIndices(), b.columnIndices())
                && Arrays.equals(a.values(), b.values());
    }
}
