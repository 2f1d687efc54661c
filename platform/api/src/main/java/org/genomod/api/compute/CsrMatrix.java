package org.genomod.api.compute;

/**
 * A sparse matrix in compressed sparse row form: row {@code r}'s entries are
 * {@code columns[rowPointers[r] .. rowPointers[r+1])} with {@code values} alongside.
 */
public record CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values) {
    public CsrMatrix {
        if (rowPointers.length != rows + 1) {
            throw new IllegalArgumentException("rowPointers needs rows + 1 entries");
        }
        int nnz = rowPointers[rows];
        if (columnIndices.length != nnz || values.length != nnz) {
            throw new IllegalArgumentException("columnIndices and values need " + nnz + " entries");
        }
    }

    public int nonZeros() {
        return values.length;
    }
}
