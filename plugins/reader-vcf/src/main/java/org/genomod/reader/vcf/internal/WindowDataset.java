package org.genomod.reader.vcf.internal;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Reference and alternative windows held as one base mask per position (a byte, 2 × window per
 * example) and expanded to one-hot floats only when a batch copies them out: 16 times less memory
 * than floats, so the examples of a large VCF fit where float tensors would not.
 * Features are {@code [window, 8]}, position-major: channels 0-3 the reference window's A, C, G, T,
 * channels 4-7 the alternative window's.
 */
final class WindowDataset implements Dataset {
    static final int CHANNELS = 2 * Bases.CHANNELS;

    private final DatasetSchema schema;
    private final int window;
    private final byte[] masks;
    private final String[] ids;
    private final String[] groups;
    private final float[] labels;

    /** @param labels {@code size × outputs} values, or {@code null} when unlabelled */
    WindowDataset(DatasetSchema schema, int window, byte[] masks, String[] ids, String[] groups, float[] labels) {
        this.schema = schema;
        this.window = window;
        this.masks = masks;
        this.ids = ids;
        this.groups = groups;
        this.labels = labels;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labels != null; }

    @Override
    public void features(int index, float[] dest, int offset) {
        int ref = index * 2 * window;
        int alt = ref + window;
        for (int p = 0; p < window; p++) {
            int at = offset + p * CHANNELS;
            Bases.oneHot(masks[ref + p], dest, at);
            Bases.oneHot(masks[alt + p], dest, at + Bases.CHANNELS);
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
