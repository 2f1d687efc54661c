package org.genomod.interpret.attribution.internal;

import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/** Examples held in arrays, named {@code s1, s2, ...}. */
record ArrayDataset(DatasetSchema schema, int size, float[] features, float[] labels) implements Dataset {

    @Override
    public String id(int index) {
        return "s" + (index + 1);
    }

    @Override
    public String group(int index) {
        return null;
    }

    @Override
    public boolean labelled() {
        return true;
    }

    @Override
    public void features(int index, float[] dest, int offset) {
        int f = schema.featureSize();
        System.arraycopy(features, index * f, dest, offset, f);
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        int l = schema.labelSize();
        System.arraycopy(labels, index * l, dest, offset, l);
    }
}
