package org.genomod.model.cnn.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.deeplearning4j.util.ModelSerializer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.InputLayout;
import org.genomod.dl4j.Optimizers;
import org.genomod.dl4j.OutputHead;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns a {@link CnnArchitecture} into a Deeplearning4j configuration. Sequences enter channels-first
 * (NCW), the layout Convolution1D computes in without permuting.
 */
final class CnnNetworks {
    static final InputLayout LAYOUT = InputLayout.CHANNELS_FIRST;

    private CnnNetworks() {
    }

    /**
     * Loads what {@link Dl4jModel#save} wrote, as an {@link UnfoldingNetwork}. Deeplearning4j recreates the classes a
     * saved configuration names through the thread's context class loader first: this bundle's sees the family's
     * {@link ViewPreprocessor}s, which Deeplearning4j's own loader cannot, and Deeplearning4j falls back to its own
     * loader for its classes.
     */
    static Dl4jModel load(Path directory, DatasetSchema schema) throws IOException {
        Path file = directory.resolve(Dl4jModel.NETWORK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved network: " + file + " does not exist");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CnnNetworks.class.getClassLoader());
        MultiLayerNetwork saved;
        try {
            saved = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } finally {
            thread.setContextClassLoader(previous);
        }
        try {
            MultiLayerNetwork network = new UnfoldingNetwork(saved.getLayerWiseConfigurations());
            network.init(saved.params(), true);
            return Dl4jModel.of(network, UnfoldingNetwork::new, schema, LAYOUT, null);
        } finally {
            saved.close();
        }
    }

    static MultiLayerConfiguration configuration(CnnArchitecture architecture, DatasetSchema schema,
                                                 TrainingOptions training, long seed, String loss) {
        Activation activation = activation(architecture.activation());
        NeuralNetConfiguration.Builder network = Optimizers.network(seed,
                DataType.FLOAT, Optimizers.weightInit(activation), architecture.l2(), training);
        NeuralNetConfiguration.ListBuilder layers = network.list();

        boolean valid = "valid".equals(architecture.padding());
        ConvolutionMode padding = valid ? ConvolutionMode.Truncate : ConvolutionMode.Same;
        int last = architecture.convolutionLayers() - 1;
        int positions = schema.featureShape().get(0);
        int channels = 0;
        boolean pooledWindows = false;
        for (int i = 0; i <= last; i++) {
            int pool = architecture.pooling().get(i);
            if (pooledWindows) {
                layers.inputPreProcessor(layerCount(layers), new PooledWindows(channels, positions, false));
            }
            channels = architecture.filters().get(i);
            positions -= valid ? architecture.widths().get(i) - 1 : 0;
            // Deeplearning4j 1.0.0-M2.1 sizes a dense layer that directly follows a Convolution1DLayer from the
            // network's input length, not the flattened positions; a separate activation layer keeps them apart
            boolean separateActivation = architecture.batchNorm() || (i == last && pool == 0);
            layers.layer(new Convolution1DLayer.Builder(architecture.widths().get(i))
                    .nOut(channels)
                    .convolutionMode(padding)
                    .activation(separateActivation ? Activation.IDENTITY : activation)
                    .build());
            if (architecture.batchNorm()) {
                // Deeplearning4j's batch norm takes no [batch, channels, length] input; as an image [batch, channels,
                // length, 1] (a view, no copy) it normalises each channel over batch and positions, as BatchNorm1d does
                layers.inputPreProcessor(layerCount(layers), new SequenceAsImage());
                layers.layer(new BatchNormalization.Builder().build());
                layers.inputPreProcessor(layerCount(layers), new ImageAsSequence());
            }
            if (separateActivation) {
                layers.layer(new ActivationLayer(activation));
            }
            if (pool == CnnArchitecture.GLOBAL_POOLING) {
                layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
            } else if (pool > 0) {
                // each window of pool positions max-pooled as one example: floor(positions / pool) windows, as
                // PyTorch's MaxPool1d; the next layer's preprocessor puts them back in place
                PoolingWindows windows = new PoolingWindows(channels, positions, pool);
                layers.inputPreProcessor(layerCount(layers), windows);
                layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
                positions = windows.windows();
            }
            pooledWindows = pool > 0;
        }

        if (!architecture.globalPooling()) {
            // Deeplearning4j would apply a following dense layer to each position; flatten channel-major instead
            layers.inputPreProcessor(layerCount(layers), pooledWindows ? new PooledWindows(channels, positions, true)
                    : new KerasFlattenRnnPreprocessor(channels, positions));
        }
        boolean dropout = architecture.dropout() > 0;
        List<Integer> dense = architecture.dense();
        for (int i = 0; i < dense.size(); i++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nOut(dense.get(i)).activation(activation);
            if (i > 0 && dropout) {
                layer.dropOut(dropout(architecture));
            }
            layers.layer(layer.build());
        }
        OutputLayer.Builder output = OutputHead.builder(schema, loss);
        if (dropout) {
            output.dropOut(dropout(architecture));
        }
        return layers.layer(output.build())
                .setInputType(LAYOUT.inputType(schema.featureShape()))
                .build();
    }

    /** One per layer: a dropout keeps its mask between the forward and the backward pass. */
    private static Dropout dropout(CnnArchitecture architecture) {
        return new Dropout(1 - architecture.dropout()); // Deeplearning4j takes the retain probability
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "elu" -> Activation.ELU;
            case "tanh" -> Activation.TANH;
            case "leakyrelu" -> Activation.LEAKYRELU;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }

    private static int layerCount(NeuralNetConfiguration.ListBuilder layers) {
        return layers.getLayerwise().size();
    }
}
