package org.genomod.reader.network.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * The feature matrix of a network's nodes, row {@code i} for node {@code i}: the columns of
 * {@code features_file}, then the {@link StructuralFeatures} when asked for (the default without a file).
 *
 * @param ignoredRows feature table rows of nodes outside the network
 */
record NodeFeatures(List<String> names, float[] values, String encoding, long ignoredRows) {

    /**
     * @param nodes     the network's node order
     * @param adjacency the network's adjacency in that order
     */
    static NodeFeatures build(ReaderOptions options, NetworkLoader.Loaded loaded, List<String> nodes,
                              CsrMatrix adjacency, Cancellation cancellation) throws IOException {
        List<String> names = new ArrayList<>();
        NodeTable table = null;
        if (options.featuresFile() != null) {
            table = NodeTable.read(options.featuresFile(), loaded.graph()::containsVertex, cancellation);
            names.addAll(columnNames(table));
        }
        int fromTable = names.size();
        if (options.structuralFeatures()) {
            names.addAll(StructuralFeatures.names(loaded.directed()));
        }
        float[] values = new float[nodes.size() * names.size()];
        if (table != null) {
            fill(table, nodes, values, names.size());
        }
        if (options.structuralFeatures()) {
            StructuralFeatures.compute(loaded.graph(), adjacency, loaded.directed(), nodes, values, fromTable, names.size());
        }
        String encoding = table == null ? "node-structural" : options.structuralFeatures() ? "node-table+structural" : "node-table";
        return new NodeFeatures(List.copyOf(names), values, encoding, table == null ? 0 : table.ignoredRows());
    }

    /** The header's names when it has one made of words, else {@code f1, f2, ...}. */
    private static List<String> columnNames(NodeTable table) {
        List<String> names = new ArrayList<>();
        List<String> header = table.header();
        boolean words = header != null && header.stream().skip(1).allMatch(h -> !h.isEmpty() && Double.isNaN(EdgeValues.weight(h)));
        for (int c = 1; c < table.columns(); c++) {
            names.add(words ? header.get(c) : "f" + c);
        }
        return names;
    }

    private static void fill(NodeTable table, List<String> nodes, float[] values, int columns) throws InputFormatException {
        int missing = 0;
        String firstMissing = null;
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            String[] row = table.row(node);
            if (row == null) {
                if (missing++ == 0) {
                    firstMissing = node;
                }
                continue;
            }
            for (int c = 1; c < row.length; c++) {
                double v = EdgeValues.weight(row[c]);
                if (Double.isNaN(v)) {
                    throw new InputFormatException(table.file(), table.line(node), "feature " + c + " of node '" + node
                            + "' is '" + row[c] + "', not a finite number");
                }
                values[i * columns + c - 1] = (float) v;
            }
        }
        if (missing > 0) {
            throw new InputFormatException(table.file(), 0, "has no row for " + missing + " of the network's "
                    + nodes.size() + " nodes, e.g. '" + firstMissing + "'; every node needs features for graph "
                    + "convolution (largest_component or min_degree can drop nodes)");
        }
    }
}
