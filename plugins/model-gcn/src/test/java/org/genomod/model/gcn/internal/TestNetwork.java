package org.genomod.model.gcn.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.Network;

/** A small in-memory {@link Network} for tests: nodes {@code n0, n1, ...}, edges added one by one. */
final class TestNetwork implements Network {
    private final boolean directed;
    private final List<String> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final CsrMatrix adjacency;
    private final int featureSize;
    private final float[] features;

    private TestNetwork(boolean directed, List<String> nodes, CsrMatrix adjacency, int featureSize, float[] features) {
        this.directed = directed;
        this.nodes = List.copyOf(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        this.adjacency = adjacency;
        this.featureSize = featureSize;
        this.features = features;
    }

    static Builder builder(int nodes, boolean directed) {
        return new Builder(nodes, directed);
    }

    /** The same nodes and features without a single edge: propagation becomes the identity, so a GCN becomes an MLP. */
    TestNetwork withoutEdges() {
        return new Builder(nodes.size(), directed).features(featureSize, features).build();
    }

    /** The same graph carrying only the given feature columns. */
    TestNetwork withFeatureColumns(int... columns) {
        float[] kept = new float[nodes.size() * columns.length];
        for (int n = 0; n < nodes.size(); n++) {
            for (int c = 0; c < columns.length; c++) {
                kept[n * columns.length + c] = features[n * featureSize + columns[c]];
            }
        }
        return new TestNetwork(directed, nodes, adjacency, columns.length, kept);
    }

    /** The same graph with feature {@code column} of {@code node} set to {@code value}. */
    TestNetwork withFeature(int node, int column, float value) {
        float[] changed = features.clone();
        changed[node * featureSize + column] = value;
        return new TestNetwork(directed, nodes, adjacency, featureSize, changed);
    }

    /** The same graph with {@code delta} added to every feature value. */
    TestNetwork withFeaturesShifted(float delta) {
        float[] shifted = features.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += delta;
        }
        return new TestNetwork(directed, nodes, adjacency, featureSize, shifted);
    }

    @Override
    public boolean directed() {
        return directed;
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    @Override
    public int index(String node) {
        return index.getOrDefault(node, -1);
    }

    @Override
    public CsrMatrix adjacency() {
        return adjacency;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public void features(int node, float[] dest, int offset) {
        System.arraycopy(features, node * featureSize, dest, offset, featureSize);
    }

    static final class Builder {
        private final int size;
        private final boolean directed;
        private final List<TreeMap<Integer, Float>> rows = new ArrayList<>();
        private int featureSize;
        private float[] features = new float[0];

        private Builder(int size, boolean directed) {
            this.size = size;
            this.directed = directed;
            for (int i = 0; i < size; i++) {
                rows.add(new TreeMap<>());
            }
        }

        Builder edge(int from, int to, float weight) {
            rows.get(from).put(to, weight);
            if (!directed) {
                rows.get(to).put(from, weight);
            }
            return this;
        }

        Builder features(int perNode, float[] values) {
            featureSize = perNode;
            features = values.clone();
            return this;
        }

        /** Standard-normal node features: pure noise. */
        Builder noiseFeatures(int perNode, SplittableRandom random) {
            float[] values = new float[size * perNode];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) gaussian(random);
            }
            return features(perNode, values);
        }

        TestNetwork build() {
            int[] pointers = new int[size + 1];
            List<Integer> columns = new ArrayList<>();
            List<Float> values = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                for (Map.Entry<Integer, Float> e : rows.get(r).entrySet()) {
                    columns.add(e.getKey());
                    values.add(e.getValue());
                }
                pointers[r + 1] = columns.size();
            }
            int[] c = columns.stream().mapToInt(Integer::intValue).toArray();
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                names.add("n" + i);
            }
            return new TestNetwork(directed, names, new CsrMatrix(size, size, pointers, c, v), featureSize, features);
        }
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
