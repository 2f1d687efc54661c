package org.genomod.reader.fasta.internal;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Records kept as their sequences (one byte per base) and encoded when a batch asks
 * for them: a sixteenth of the memory of one-hot floats, far less than a k = 8 profile's 65,536 values,
 * and encoding runs much faster than training consumes examples. The encoding writes only into the
 * caller's array, so concurrent readers are safe.
 */
final class SequenceDataset implements Dataset {
    private final DatasetSchema schema;
    private final SequenceFeatures features;
    private final String[] ids;
    private final byte[][] sequences;
    private final String[] groups;
    /** Each record's label values, shared between records of a class; {@code null} when unlabelled. */
    private final float[][] labels;

    SequenceDataset(DatasetSchema schema, SequenceFeatures features, String[] ids, byte[][] sequences, String[] groups,
                    float[][] labels) {
        this.schema = schema;
        this.features = features;
        this.ids = ids;
        this.sequences = sequences;
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
        features.encode(sequences[index], dest, offset);
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        if (labels == null) {
            Arrays.fill(dest, offset, offset + schema.labelSize(), 0f);
        } else {
            System.arraycopy(labels[index], 0, dest, offset, schema.labelSize());
        }
    }
}
