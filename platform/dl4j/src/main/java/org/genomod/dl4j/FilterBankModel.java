package org.genomod.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.SequenceFilterModel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A sequence network that starts with a bank of convolution filters ({@link ConvolutionFilters}): the
 * {@link Dl4jModel} it wraps, which gives input gradients, plus the first layer's filter activations for motif
 * extraction. The cnn family's models, and the rnn family's with a convolution front-end (DanQ), are these.
 */
@ProviderType
public final class FilterBankModel implements DifferentiableModel, SequenceFilterModel {
    private final Dl4jModel network;
    private final ConvolutionFilters filters;

    /** @throws IllegalArgumentException when the network does not start with a plain 1-D convolution layer */
    public FilterBankModel(Dl4jModel network) {
        this.network = network;
        this.filters = ConvolutionFilters.of(network.multiLayerNetwork()).orElseThrow(
                () -> new IllegalArgumentException("the network does not start with a 1-D convolution layer"));
    }

    /** The Deeplearning4j model inside, for transfer learning. */
    public Dl4jModel network() {
        return network;
    }

    @Override
    public int filterCount() {
        return filters.count();
    }

    @Override
    public int filterWidth() {
        return filters.width();
    }

    @Override
    public float[] filterActivations(Batch batch) {
        return filters.activations(network, batch);
    }

    @Override
    public float[] inputGradients(Batch batch, int output) {
        return network.inputGradients(batch, output);
    }

    @Override
    public DatasetSchema schema() {
        return network.schema();
    }

    @Override
    public void epochStarted(int epoch) {
        network.epochStarted(epoch);
    }

    @Override
    public double fit(Batch batch) {
        return network.fit(batch);
    }

    @Override
    public float[] predict(Batch batch) {
        return network.predict(batch);
    }

    @Override
    public double loss(Batch batch) {
        return network.loss(batch);
    }

    @Override
    public ModelState snapshot() {
        return network.snapshot();
    }

    @Override
    public void restore(ModelState state) {
        network.restore(state);
    }

    @Override
    public void save(Path directory) throws IOException {
        network.save(directory);
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public String summary() {
        return network.summary();
    }

    @Override
    public void close() {
        network.close();
    }
}
