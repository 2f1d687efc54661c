package org.genomod.api.data;

import java.util.List;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.compute.SparseMatrices;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network over named nodes (genes, proteins) as read from an interaction or regulatory network
 * file. Node {@code i} is row {@code i} of {@link #adjacency()} and of any feature matrix that lives
 * on the network.
 */
@ConsumerType
public interface Network {

    boolean directed();

    /** Node names in index order. */
    List<String> nodes();

    /** The index of a node, or -1 when it is not in the network. */
    int index(String node);

    /**
     * Edge weights (1 for unweighted edges); rows are sources. Undirected networks are symmetric.
     * Columns within a row are sorted ascending.
     */
    CsrMatrix adjacency();

    /** Values per node of the feature matrix that lives on the network; 0 when it carries none. */
    default int featureSize() {
        return 0;
    }

    /**
     * Copies node {@code node}'s feature row into {@code dest} at {@code offset}. Graph convolution needs
     * every node's features in the forward pass, not only those of the labelled examples.
     */
    default void features(int node, float[] dest, int offset) {
        throw new UnsupportedOperationException("this network carries no node features");
    }

    /** {@code D^-1/2 (A + I) D^-1/2}, the propagation matrix of graph convolution, computed from {@link #adjacency()}. */
    default CsrMatrix normalisedAdjacency() {
        return SparseMatrices.normalisedWithSelfLoops(adjacency());
    }
}
