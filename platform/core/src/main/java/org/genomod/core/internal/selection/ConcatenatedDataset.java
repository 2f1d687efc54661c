package org.genomod.core.internal.selection;

import java.util.Optional;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.Network;

/** Two views of one dataset, one after the other: the training and validation splits pooled for cross-validation. */
final class ConcatenatedDataset implements Dataset {
    private final Dataset first;
    private final Dataset second;

    ConcatenatedDataset(Dataset first, Dataset second) {
        this.first = first;
        this.second = second;
    }

    @Override public DatasetSchema schema() { return first.schema(); }
    @Override public int size() { return first.size() + second.size(); }
    @Override public String id(int index) { return index < first.size() ? first.id(index) : second.id(index - first.size()); }
    @Override public String group(int index) { return index < first.size() ? first.group(index) : second.group(index - first.size()); }
    @Override public boolean labelled() { return first.labelled(); }
    @Override public Optional<Network> network() { return first.network(); }

    @Override
    public void features(int index, float[] dest, int offset) {
        if (index < first.size()) {
            first.features(index, dest, offset);
        } else {
            second.features(index - first.size(), dest, offset);
        }
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        if (index < first.size()) {
            first.labels(index, dest, offset);
        } else {
            second.labels(index - first.size(), dest, offset);
        }
    }
}
