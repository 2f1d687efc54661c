package org.genomod.reader.intervals.internal;

import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Windows kept as one byte per base and one-hot encoded when a batch asks for them: a sixteenth of
 * the memory of the encoded four floats per base, and encoding runs far faster than training
 * consumes examples.
 */
final class WindowDataset implements Dataset {
    private final DatasetSchema schema;
    private final byte[][] bases;
    /** Per window, whether it holds only A, C, G, T (the encoder's fast path). */
    private final boolean[] acgt;
    private final LabelMatrix labels;
    private final String[] ids;
    private final String[] groups;
    private final boolean labelled;

    /**
     * @param acgt   per window, whether it holds only A, C, G and T
     * @param labels one row per window; {@code null} when unlabelled
     */
    WindowDataset(DatasetSchema schema, byte[][] bases, boolean[] acgt, LabelMatrix labels, String[] ids, String[] groups) {
        int width = schema.featureShape().get(0);
        for (byte[] b : bases) {
            if (b.length != width) {
                throw new IllegalArgumentException("window of " + b.length + " bases in a dataset of width " + width);
            }
        }
        this.acgt = acgt;
        this.schema = schema;
        this.bases = bases;
        this.labels = labels;
        this.ids = ids;
        this.groups = groups;
        this.labelled = labels != null;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return bases.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }

    @Override
    public void features(int index, float[] dest, int offset) {
        OneHot.encode(bases[index], acgt[index], dest, offset);
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        if (labelled) {
            labels.copy(index, dest, offset);
        } else {
            java.util.Arrays.fill(dest, offset, offset + schema.labelSize(), 0f);
        }
    }

    /** The stored bases of a window (upper-case IUPAC codes, 0 for padding), in reading direction. */
    byte[] bases(int index) {
        return bases[index].clone();
    }
}
