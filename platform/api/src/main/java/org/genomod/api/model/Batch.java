package org.genomod.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.genomod.api.data.Network;

/**
 * A mini-batch in flat row-major arrays: {@code size × featureSize} features and, when labelled,
 * {@code size × labelSize} labels. Arrays are owned by the caller and reused between batches, so a
 * model must copy what it keeps.
 *
 * <p>The platform also passes the examples' record ids and, for examples that live on a network, the
 * network: graph convolution finds each example's node with {@link Network#index(String)} and
 * propagates over every node of the network, labelled or not.
 */
public final class Batch {
    private final int size;
    private final float[] features;
    private final float[] labels;
    private final List<String> ids;
    private final Network network;

    public Batch(int size, float[] features, float[] labels) {
        this(size, features, labels, List.of(), null);
    }

    /**
     * @param ids     the examples' record ids ({@code Dataset.id}), {@code size} of them, or empty when unknown
     * @param network the network the examples live on, or {@code null}
     */
    public Batch(int size, float[] features, float[] labels, List<String> ids, Network network) {
        if (size < 1) {
            throw new IllegalArgumentException("empty batch");
        }
        this.size = size;
        this.features = Objects.requireNonNull(features, "features");
        this.labels = labels;
        this.ids = List.copyOf(ids);
        if (!this.ids.isEmpty() && this.ids.size() != size) {
            throw new IllegalArgumentException("a batch of " + size + " examples with " + ids.size() + " ids");
        }
        this.network = network;
    }

    public int size() {
        return size;
    }

    public float[] features() {
        return features;
    }

    /** Labels, or {@code null} for prediction batches. */
    public float[] labels() {
        return labels;
    }

    /** The examples' record ids in batch order; empty when the caller did not give them. */
    public List<String> ids() {
        return ids;
    }

    /** The network the examples live on, if any. */
    public Optional<Network> network() {
        return Optional.ofNullable(network);
    }
}
