package org.genomod.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Encoded examples, addressed by index. Implementations may hold everything in memory or read
 * lazily; either way they copy into caller-owned arrays so batches can be assembled without
 * allocation.
 */
@ConsumerType
public interface Dataset {

    DatasetSchema schema();

    int size();

    /** The record's identifier in its source file (sequence name, variant id, ...). */
    String id(int index);

    /** A grouping key for splits that must keep groups apart (chromosome, gene, donor); {@code null} for none. */
    String group(int index);

    /** Whether labels are known; prediction inputs may have none. */
    boolean labelled();

    /** Copies {@link DatasetSchema#featureSize()} values of example {@code index} into {@code dest} at {@code offset}. */
    void features(int index, float[] dest, int offset);

    /** Copies {@link DatasetSchema#labelSize()} values; zeros when {@link #labelled()} is false. */
    void labels(int index, float[] dest, int offset);

    /**
     * The network the examples live on, when there is one: node classification (examples are
     * nodes) or graph signals (each example's features are values on the nodes).
     */
    default java.util.Optional<Network> network() {
        return java.util.Optional.empty();
    }

    /** A view of the given examples, in that order. */
    default Dataset select(int[] indices) {
        return new SubsetDataset(this, indices);
    }
}
