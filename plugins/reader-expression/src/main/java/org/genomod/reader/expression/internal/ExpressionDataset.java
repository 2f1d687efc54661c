package org.genomod.reader.expression.internal;

import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * The matrix as read, one float array per file row, viewed as one example per sample. Rows stay as
 * the file had them, so a genes × samples file is not transposed into a second copy: a sample's
 * features are gathered from the gene rows when asked for. Missing values are kept as NaN and
 * become the fill value (and, with the mask, a 0 in the observed channel) on the way out.
 */
final class ExpressionDataset implements Dataset {
    private final DatasetSchema schema;
    private final float[][] rows;
    private final boolean examplesAreRows;
    private final int genes;
    private final String[] ids;
    private final String[] groups;
    private final float[] labels;
    private final boolean labelled;
    private final float fill;
    private final boolean mask;

    /**
     * @param rows            the file's rows; NaN where a value is missing
     * @param examplesAreRows whether file rows are samples (samples × genes) or genes
     * @param labels          {@code ids.length × labelSize} values; ignored when not labelled
     * @param fill            what a missing value becomes (NaN or 0)
     */
    ExpressionDataset(DatasetSchema schema, float[][] rows, boolean examplesAreRows, String[] ids, String[] groups,
                      float[] labels, boolean labelled, float fill, boolean mask) {
        this.schema = schema;
        this.rows = rows;
        this.examplesAreRows = examplesAreRows;
        this.genes = examplesAreRows ? (rows.length == 0 ? 0 : rows[0].length) : rows.length;
        this.ids = ids;
        this.groups = groups;
        this.labels = labels;
        this.labelled = labelled;
        this.fill = fill;
        this.mask = mask;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }

    @Override
    public void features(int index, float[] dest, int offset) {
        if (index < 0 || index >= ids.length) {
            throw new IndexOutOfBoundsException("example " + index + " outside dataset of size " + ids.length);
        }
        if (examplesAreRows) {
            float[] row = rows[index];
            for (int g = 0; g < genes; g++) {
                put(dest, offset, g, row[g]);
            }
        } else {
            for (int g = 0; g < genes; g++) {
                put(dest, offset, g, rows[g][index]);
            }
        }
    }

    private void put(float[] dest, int offset, int gene, float value) {
        boolean observed = !Float.isNaN(value);
        if (mask) {
            dest[offset + 2 * gene] = observed ? value : fill;
            dest[offset + 2 * gene + 1] = observed ? 1f : 0f;
        } else {
            dest[offset + gene] = observed ? value : fill;
        }
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        int n = schema.labelSize();
        if (labelled) {
            System.arraycopy(labels, index * n, dest, offset, n);
        } else {
            java.util.Arrays.fill(dest, offset, offset + n, 0f);
        }
    }
}
