package org.genomod.reader.expression.internal;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * The matrix as read, one float array per file row, viewed as one example per sample. Rows stay as
 * the file had them, so a genes × samples file is not transposed into a second copy: a sample's
 * features are gathered from the gene rows when asked for. Missing values are kept as NaN and
 * become the fill value (and, with the mask, a 0 in the observed channel) on the way out.
 *
 * <p>For {@code task: reconstruction} the labels are gathered from the same rows: every observed
 * value, or, when entries are hidden, exactly the hidden ones; NaN marks a value that is not a label.
 */
final class ExpressionDataset implements Dataset {
    private final DatasetSchema schema;
    private final float[][] rows;
    private final boolean examplesAreRows;
    private final int[] genes;
    private final String[] ids;
    private final String[] groups;
    private final float[] labels;
    private final boolean labelled;
    private final float fill;
    private final boolean mask;
    private final HiddenEntries hidden;

    /**
     * @param rows            the file's rows; NaN where a value is missing
     * @param examplesAreRows whether file rows are samples (samples × genes) or genes
     * @param genes           the genes the features hold, in order, as indices into the file's genes
     * @param labels          {@code ids.length × labelSize} class labels; ignored when not labelled;
     *                        {@code null} when the labels are the values themselves (reconstruction)
     * @param fill            what a missing value becomes (NaN or 0)
     * @param hidden          entries shown as missing in the features
     */
    ExpressionDataset(DatasetSchema schema, float[][] rows, boolean examplesAreRows, int[] genes, String[] ids,
                      String[] groups, float[] labels, boolean labelled, float fill, boolean mask, HiddenEntries hidden) {
        this.schema = schema;
        this.rows = rows;
        this.examplesAreRows = examplesAreRows;
        this.genes = genes;
        this.ids = ids;
        this.groups = groups;
        this.labels = labels;
        this.labelled = labelled;
        this.fill = fill;
        this.mask = mask;
        this.hidden = hidden;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }

    @Override
    public void features(int index, float[] dest, int offset) {
        check(index);
        for (int k = 0; k < genes.length; k++) {
            int gene = genes[k];
            put(dest, offset, k, hidden.hidden(index, gene) ? Float.NaN : value(index, gene));
        }
    }

    private float value(int sample, int gene) {
        return examplesAreRows ? rows[sample][gene] : rows[gene][sample];
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
        if (labels == null) {
            check(index);
            for (int k = 0; k < genes.length; k++) {
                int gene = genes[k];
                boolean scored = !hidden.any() || hidden.hidden(index, gene);
                dest[offset + k] = scored ? value(index, gene) : Float.NaN;
            }
        } else if (labelled) {
            System.arraycopy(labels, index * n, dest, offset, n);
        } else {
            Arrays.fill(dest, offset, offset + n, 0f);
        }
    }

    private void check(int index) {
        if (index < 0 || index >= ids.length) {
            throw new IndexOutOfBoundsException("example " + index + " outside dataset of size " + ids.length);
        }
    }
}
