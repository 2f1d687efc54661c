package org.genomod.model.cnn.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.dl4j.ConvolutionFilters;
import org.genomod.dl4j.Dl4jModel;

/**
 * A CNN read one strand at a time: the {@link Dl4jModel} it wraps, which gives input gradients, plus its first
 * convolution layer's filter activations for motif extraction.
 */
final class FilterBankModel implements DifferentiableModel, SequenceFilterModel {
    private final Dl4jModel network;
    private final ConvolutionFilters filters;

    FilterBankModel(Dl4jModel network) {
        this.network = network;
        this.filters = ConvolutionFilters.of(network.multiLayerNetwork()).orElseThrow(
                () -> new IllegalArgumentException("the network does not start with a 1-D convolution layer"));
    }

    /** The Deeplearning4j model inside, for transfer learning. */
    Dl4jModel network() {
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
