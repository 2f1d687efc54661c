package org.genomod.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A dataset held in flat float arrays; build one with {@link #builder(DatasetSchema, boolean)}. */
public final class ArrayDataset implements Dataset {
    private final DatasetSchema schema;
    private final boolean labelled;
    private final float[] features;
    private final float[] labels;
    private final String[] ids;
    private final String[] groups;
    private final Network network;

    private ArrayDataset(DatasetSchema schema, boolean labelled, float[] features, float[] labels, String[] ids, String[] groups,
                         Network network) {
        this.schema = schema;
        this.labelled = labelled;
        this.features = features;
        this.labels = labels;
        this.ids = ids;
        this.groups = groups;
        this.network = network;
    }

    public static Builder builder(DatasetSchema schema, boolean labelled) {
        return new Builder(schema, labelled);
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }
    @Override public java.util.Optional<Network> network() { return java.util.Optional.ofNullable(network); }

    @Override
    public void features(int index, float[] dest, int offset) {
        int n = schema.featureSize();
        System.arraycopy(features, index * n, dest, offset, n);
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        int n = schema.labelSize();
        System.arraycopy(labels, index * n, dest, offset, n);
    }

    /** Accumulates examples; arrays grow geometrically. */
    public static final class Builder {
        private final DatasetSchema schema;
        private final boolean labelled;
        private float[] features = new float[0];
        private float[] labels = new float[0];
        private final List<String> ids = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private Network network;

        private Builder(DatasetSchema schema, boolean labelled) {
            this.schema = Objects.requireNonNull(schema);
            this.labelled = labelled;
        }

        /**
         * Adds one example.
         *
         * @param label {@link DatasetSchema#labelSize()} values, or {@code null} for an unlabelled dataset
         */
        public Builder add(String id, String group, float[] feature, float[] label) {
            int f = schema.featureSize();
            int l = schema.labelSize();
            if (feature.length != f) {
                throw new IllegalArgumentException("example '" + id + "' has " + feature.length + " feature values, expected " + f);
            }
            if (labelled && (label == null || label.length != l)) {
                throw new IllegalArgumentException("example '" + id + "' needs " + l + " label values");
            }
            int n = ids.size();
            if ((n + 1) * f > features.length) {
                features = Arrays.copyOf(features, Math.max(f, features.length * 2));
                labels = Arrays.copyOf(labels, Math.max(l, labels.length * 2));
            }
            System.arraycopy(feature, 0, features, n * f, f);
            if (label != null) {
                System.arraycopy(label, 0, labels, n * l, l);
            }
            ids.add(Objects.requireNonNull(id, "id"));
            groups.add(group);
            return this;
        }

        public int size() {
            return ids.size();
        }

        /** The network the examples live on (see {@link Dataset#network()}). */
        public Builder network(Network network) {
            this.network = network;
            return this;
        }

        public ArrayDataset build() {
            int n = ids.size();
            return new ArrayDataset(schema, labelled,
                    Arrays.copyOf(features, n * schema.featureSize()),
                    Arrays.copyOf(labels, n * schema.labelSize()),
                    ids.toArray(String[]::new), groups.toArray(String[]::new), network);
        }
    }
}
