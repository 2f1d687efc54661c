package org.genomod.model.gcn.internal;

/**
 * Dense row-major float matrix products. The dense side of a graph convolution is thin (a few to a few
 * hundred columns), so plain loops ordered for contiguous inner access, which the JIT vectorises, are
 * enough; the sparse propagation, the expensive part, goes through the accelerator service.
 */
final class Matrices {
    private Matrices() {
    }

    /** {@code a (rows × inner) · b (inner × columns)}, with {@code b} read from {@code bOffset}. */
    static float[] multiply(float[] a, int rows, int inner, float[] b, int bOffset, int columns) {
        float[] c = new float[rows * columns];
        for (int i = 0; i < rows; i++) {
            int ci = i * columns;
            int ai = i * inner;
            for (int p = 0; p < inner; p++) {
                float v = a[ai + p];
                if (v == 0f) {
                    continue; // dropped-out and relu-zeroed entries are common
                }
                int bp = bOffset + p * columns;
                for (int j = 0; j < columns; j++) {
                    c[ci + j] += v * b[bp + j];
                }
            }
        }
        return c;
    }

    /** {@code c[cOffset..] += aᵀ (rows × aColumns)ᵀ · b (rows × bColumns)}, an {@code aColumns × bColumns} block. */
    static void addTransposedProduct(float[] a, int rows, int aColumns, float[] b, int bColumns, float[] c, int cOffset) {
        for (int i = 0; i < rows; i++) {
            int ai = i * aColumns;
            int bi = i * bColumns;
            for (int p = 0; p < aColumns; p++) {
                float v = a[ai + p];
                if (v == 0f) {
                    continue;
                }
                int cp = cOffset + p * bColumns;
                for (int j = 0; j < bColumns; j++) {
                    c[cp + j] += v * b[bi + j];
                }
            }
        }
    }

    /**
     * {@code a (rows × columns) · bᵀ}, where {@code b} is a {@code bRows × columns} block at {@code bOffset}:
     * the gradient flowing back through a weight matrix. The (small) block is transposed first so that the
     * product runs with a long contiguous inner loop.
     */
    static float[] multiplyTransposed(float[] a, int rows, int columns, float[] b, int bOffset, int bRows) {
        float[] bt = new float[columns * bRows];
        for (int p = 0; p < bRows; p++) {
            for (int j = 0; j < columns; j++) {
                bt[j * bRows + p] = b[bOffset + p * columns + j];
            }
        }
        return multiply(a, rows, columns, bt, 0, bRows);
    }

    /** Adds {@code bias} (at {@code offset}, {@code columns} long) to every row. */
    static void addRowVector(float[] m, int columns, float[] bias, int offset) {
        for (int i = 0; i < m.length; i += columns) {
            for (int j = 0; j < columns; j++) {
                m[i + j] += bias[offset + j];
            }
        }
    }

    /** {@code dest[offset + j] += Σ_i m[i, j]}: the gradient of a bias added to every row. */
    static void addColumnSums(float[] m, int columns, float[] dest, int offset) {
        for (int i = 0; i < m.length; i += columns) {
            for (int j = 0; j < columns; j++) {
                dest[offset + j] += m[i + j];
            }
        }
    }
}
