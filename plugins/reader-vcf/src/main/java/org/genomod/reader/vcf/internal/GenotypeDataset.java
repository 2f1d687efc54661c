package org.genomod.reader.vcf.internal;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Samples × variant alleles, one byte per genotype (the count of the allele, -1 without a call), expanded
 * to floats when a batch copies a sample out; an uncalled genotype becomes its column's fill value.
 */
final class GenotypeDataset implements Dataset {
    private final DatasetSchema schema;
    private final int columns;
    /** Row-major: sample {@code i}'s counts are {@code counts[i * columns .. (i + 1) * columns)}. */
    private final byte[] counts;
    private final float[] fill;
    private final String[] samples;
    private final float[] labels;

    GenotypeDataset(DatasetSchema schema, int columns, byte[] counts, float[] fill, String[] samples, float[] labels) {
        this.schema = schema;
        this.columns = columns;
        this.counts = counts;
        this.fill = fill;
        this.samples = samples;
        this.labels = labels;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return samples.length; }
    @Override public String id(int index) { return samples[index]; }
    @Override public String group(int index) { return null; }
    @Override public boolean labelled() { return labels != null; }

    @Override
    public void features(int index, float[] dest, int offset) {
        int row = index * columns;
        for (int v = 0; v < columns; v++) {
            byte count = counts[row + v];
            dest[offset + v] = count < 0 ? fill[v] : count;
        }
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        int n = schema.labelSize();
        if (labels == null) {
            Arrays.fill(dest, offset, offset + n, 0f);
        } else {
            System.arraycopy(labels, index * n, dest, offset, n);
        }
    }
}
