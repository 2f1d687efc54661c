package org.genomod.model.gcn.internal;

import org.genomod.api.data.Network;

/**
 * What a model derives once per network and reuses for every batch on it: the propagation matrices, the
 * scaled node features (node mode) and each node's row in the identity table.
 *
 * @param network      the network these were derived from, compared by identity
 * @param propagation  Â and Âᵀ through the accelerator
 * @param features     node mode: {@code nodes × channels} scaled features; graph mode: {@code null}
 * @param identityRows per node, its identity-table row or -1; {@code null} without identity features
 */
record NetworkInputs(Network network, Propagation propagation, float[] features, int[] identityRows) {

    int nodes() {
        return propagation.nodes();
    }
}
