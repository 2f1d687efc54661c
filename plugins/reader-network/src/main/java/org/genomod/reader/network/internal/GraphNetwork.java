package org.genomod.reader.network.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.compute.SparseMatrices;
import org.genomod.api.data.Network;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;

/**
 * An immutable {@link Network} made from a JGraphT graph: nodes sorted by name (Java's
 * {@link String#compareTo}, i.e. {@code LC_ALL=C sort} for ASCII names), so that the same network gives
 * the same node indices whatever the order of its file; the adjacency in CSR form with sorted columns;
 * and the node feature matrix, whose row {@code i} belongs to node {@code i}.
 *
 * <p>{@link #featureSize()} and {@link #features(int, float[], int)} are the proposed additions to
 * {@link Network} that graph convolution needs: it propagates over every node, labelled or not.
 */
final class GraphNetwork implements Network {
    private final boolean directed;
    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final CsrMatrix adjacency;
    private final boolean signed;
    private final int featureSize;
    private final float[] features;
    private final List<String> featureNames;
    private volatile CsrMatrix normalised;

    private GraphNetwork(boolean directed, List<String> nodes, CsrMatrix adjacency, int featureSize, float[] features,
                         List<String> featureNames) {
        this.directed = directed;
        this.nodes = Collections.unmodifiableList(nodes);
        this.index = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        this.adjacency = adjacency;
        boolean negative = false;
        for (float v : adjacency.values()) {
            negative |= v < 0;
        }
        this.signed = negative;
        this.featureSize = featureSize;
        this.features = features;
        this.featureNames = List.copyOf(featureNames);
    }

    /** The graph's node names in index order. */
    static List<String> order(Graph<String, ?> graph) {
        List<String> nodes = new ArrayList<>(graph.vertexSet());
        nodes.sort(null);
        return nodes;
    }

    /**
     * @param adjacency {@link #adjacency} of the graph in the order of {@code nodes}
     * @param nodes     {@link #order(Graph)} of the graph
     * @param features  {@code nodes.size() * featureNames.size()} values, row-major
     */
    static GraphNetwork of(CsrMatrix adjacency, boolean directed, List<String> nodes, float[] features,
                           List<String> featureNames) {
        return new GraphNetwork(directed, nodes, adjacency, featureNames.size(), features, featureNames);
    }

    /** Rows are sources; an undirected edge appears in both rows, a self-loop once on the diagonal. */
    static <E> CsrMatrix adjacency(Graph<String, E> graph, boolean directed, List<String> nodes) {
        Map<String, Integer> index = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int n = nodes.size();
        int[] pointers = new int[n + 1];
        int entries = 0;
        for (int r = 0; r < n; r++) {
            entries += directed ? graph.outDegreeOf(nodes.get(r)) : graph.edgesOf(nodes.get(r)).size();
        }
        int[] columns = new int[entries];
        float[] values = new float[entries];
        long[] row = new long[16];
        int k = 0;
        for (int r = 0; r < n; r++) {
            String v = nodes.get(r);
            pointers[r] = k;
            int count = 0;
            for (E e : directed ? graph.outgoingEdgesOf(v) : graph.edgesOf(v)) {
                if (count == row.length) {
                    row = Arrays.copyOf(row, count * 2);
                }
                int column = index.get(Graphs.getOppositeVertex(graph, e, v));
                // column in the high bits, so sorting the packed longs sorts the row by column
                row[count++] = (long) column << 32 | (Float.floatToRawIntBits((float) graph.getEdgeWeight(e)) & 0xffffffffL);
            }
            Arrays.sort(row, 0, count);
            for (int i = 0; i < count; i++) {
                columns[k] = (int) (row[i] >>> 32);
                values[k++] = Float.intBitsToFloat((int) row[i]);
            }
        }
        pointers[n] = k;
        return new CsrMatrix(n, n, pointers, columns, values);
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
        Integer i = index.get(node);
        return i == null ? -1 : i;
    }

    @Override
    public CsrMatrix adjacency() {
        return adjacency;
    }

    /** The Kipf–Welling matrix, computed once (the API's normalisation keeps signs and uses |A| degrees). */
    @Override
    public CsrMatrix normalisedAdjacency() {
        CsrMatrix result = normalised;
        if (result == null) {
            result = Network.super.normalisedAdjacency();
            normalised = result;
        }
        return result;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public void features(int node, float[] dest, int offset) {
        System.arraycopy(features, node * featureSize, dest, offset, featureSize);
    }

    List<String> featureNames() {
        return featureNames;
    }

    @Override
    public String toString() {
        return (directed ? "directed" : "undirected") + " network, " + nodes.size() + " nodes, "
                + adjacency.nonZeros() + " adjacency entries";
    }
}
