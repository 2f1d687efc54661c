package org.genomod.core.internal.job;

import java.util.Optional;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.Network;

/** A view of a dataset whose features a fitted transform computes; records, labels and groups are the source's. */
abstract class TransformedDataset implements Dataset {
    protected final Dataset source;
    private final DatasetSchema schema;

    TransformedDataset(Dataset source, DatasetSchema schema) {
        this.source = source;
        this.schema = schema;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return source.size(); }
    @Override public String id(int index) { return source.id(index); }
    @Override public String group(int index) { return source.group(index); }
    @Override public boolean labelled() { return source.labelled(); }
    @Override public Optional<Network> network() { return source.network(); }
    @Override public void labels(int index, float[] dest, int offset) { source.labels(index, dest, offset); }
}
