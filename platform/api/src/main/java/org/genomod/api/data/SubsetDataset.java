package org.genomod.api.data;

/** A re-indexed view; kept package-private so the only way in is {@link Dataset#select(int[])}. */
final class SubsetDataset implements Dataset {
    private final Dataset source;
    private final int[] indices;

    SubsetDataset(Dataset source, int[] indices) {
        this.source = source;
        this.indices = indices.clone();
        for (int i : this.indices) {
            if (i < 0 || i >= source.size()) {
                throw new IndexOutOfBoundsException("index " + i + " outside dataset of size " + source.size());
            }
        }
    }

    @Override public DatasetSchema schema() { return source.schema(); }
    @Override public int size() { return indices.length; }
    @Override public String id(int index) { return source.id(indices[index]); }
    @Override public String group(int index) { return source.group(indices[index]); }
    @Override public boolean labelled() { return source.labelled(); }
    @Override public java.util.Optional<Network> network() { return source.network(); }
    @Override public void features(int index, float[] dest, int offset) { source.features(indices[index], dest, offset); }
    @Override public void labels(int index, float[] dest, int offset) { source.labels(indices[index], dest, offset); }
}
