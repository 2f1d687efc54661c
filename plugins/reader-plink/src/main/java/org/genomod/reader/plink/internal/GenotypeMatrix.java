package org.genomod.reader.plink.internal;

/**
 * Builds the samples × SNPs matrix (row-major, one byte per genotype) from the SNP-major blocks of a
 * {@code .bed}. Writing each SNP straight into its column would touch a new cache line for every
 * sample; instead a batch of SNPs is decoded SNP-major, in order, and then copied row by row, so both
 * steps walk memory sequentially.
 */
final class GenotypeMatrix {
    /** Bytes of the SNP-major batch: a few cache-friendly megabytes whatever the sample count. */
    private static final int BATCH_BYTES = 1 << 22;

    private final byte[] genotypes;
    private final int rows;
    private final int width;
    private final byte[] batch;
    private final int[] batchColumns;
    private int pending;

    GenotypeMatrix(int rows, int width) {
        this.rows = rows;
        this.width = width;
        this.genotypes = new byte[rows * width];
        int capacity = Math.max(1, Math.min(256, BATCH_BYTES / Math.max(1, rows)));
        this.batch = new byte[capacity * rows];
        this.batchColumns = new int[capacity];
    }

    /** The buffer to decode the next SNP into, at {@link #nextOffset()}; it goes to column {@code column}. */
    byte[] batch() {
        return batch;
    }

    int nextOffset() {
        return pending * rows;
    }

    /** Marks the SNP decoded at {@link #nextOffset()} as column {@code column}. */
    void added(int column) {
        batchColumns[pending++] = column;
        if (pending == batchColumns.length) {
            flush();
        }
    }

    /** Copies the pending SNPs into their columns. */
    void flush() {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int b = 0; b < pending; b++) {
                genotypes[base + batchColumns[b]] = batch[b * rows + r];
            }
        }
        pending = 0;
    }

    /** The finished matrix; call {@link #flush()} first. */
    byte[] genotypes() {
        return genotypes;
    }
}
