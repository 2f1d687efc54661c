package org.genomod.model.rnn.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.deeplearning4j.util.ModelSerializer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jModel;
import org.genomod.dl4j.FilterBankModel;
import org.genomod.dl4j.InputLayout;
import org.genomod.dl4j.Optimizers;
import org.genomod.dl4j.OutputHead;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns an {@link RnnArchitecture} into a Deeplearning4j network. Sequences enter channels-first (NCW):
 * the layout Convolution1D computes in without permuting, and Deeplearning4j's default for recurrent
 * layers, global pooling and masks.
 */
final class RnnNetworks {
    static final InputLayout LAYOUT = InputLayout.CHANNELS_FIRST;

    private RnnNetworks() {
    }

    static MultiLayerConfiguration configuration(RnnArchitecture architecture, DatasetSchema schema,
                                                 TrainingOptions training, long seed, String loss) {
        NeuralNetConfiguration.Builder network = Optimizers.network(seed,
                DataType.FLOAT, WeightInit.XAVIER, architecture.l2(), training);
        NeuralNetConfiguration.ListBuilder layers = network.list();

        // Dropout is the next layer's input dropout: Deeplearning4j's dropout layer cannot take masked sequences
        double inputDropout = 0;
        if (architecture.convolution()) {
            // ReLU inside the convolution layer, which then multiplies by the mask: padded positions come out exactly 0,
            // which max pooling over non-negative values ignores
            layers.layer(new Convolution1DLayer.Builder(architecture.convWidth())
                    .nOut(architecture.convFilters())
                    .convolutionMode(RnnArchitecture.VALID.equals(architecture.convPadding())
                            ? ConvolutionMode.Truncate : ConvolutionMode.Same)
                    .activation(Activation.RELU)
                    .weightInit(WeightInit.RELU)
                    .build());
            if (architecture.convPool() > 1) {
                // truncating, as Keras' MaxPooling1D and PyTorch's MaxPool1d do: floor(length / pool) positions
                layers.layer(new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX,
                        architecture.convPool(), architecture.convPool())
                        .convolutionMode(ConvolutionMode.Truncate).build());
            }
            inputDropout = architecture.convDropout();
        }

        int last = architecture.units().size() - 1;
        for (int i = 0; i <= last; i++) {
            // a bidirectional layer copies this configuration into each direction, which then drops inputs independently
            Layer recurrent = recurrent(architecture.cell(), architecture.units().get(i), inputDropout);
            if (architecture.bidirectional()) {
                recurrent = new Bidirectional(Bidirectional.Mode.CONCAT, recurrent);
            }
            if (i == last && RnnArchitecture.LAST.equals(architecture.pooling())) {
                recurrent = new LastTimeStep(recurrent); // the last unmasked position of each sequence
            }
            layers.layer(recurrent);
            inputDropout = architecture.dropout();
        }

        switch (architecture.pooling()) {
            case RnnArchitecture.MAX -> layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
            case RnnArchitecture.AVERAGE -> layers.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
            case RnnArchitecture.FLATTEN -> {
                // Deeplearning4j would apply a following dense layer to each position; flatten channel-major instead
                int steps = architecture.steps(schema.featureShape().get(0));
                layers.inputPreProcessor(layers.getLayerwise().size(),
                        new KerasFlattenRnnPreprocessor(architecture.recurrentOutputs(), steps));
            }
            default -> {
                // last: the LastTimeStep wrapper already gave one vector per sequence
            }
        }
        double dropout = architecture.dropout();
        for (int size : architecture.dense()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(size).activation(Activation.RELU).weightInit(WeightInit.RELU);
            if (dropout > 0) {
                dense.dropOut(new Dropout(1 - dropout));
                dropout = 0;
            }
            layers.layer(dense.build());
        }
        OutputLayer.Builder output = OutputHead.builder(schema, loss);
        if (dropout > 0) {
            output.dropOut(new Dropout(1 - dropout));
        }
        return layers.layer(output.build())
                .setInputType(LAYOUT.inputType(schema.featureShape()))
                .build();
    }

    /** An initialised network that masks padding when the architecture can skip it. */
    static MultiLayerNetwork network(MultiLayerConfiguration configuration, RnnArchitecture architecture) {
        MultiLayerNetwork network = architecture.masksPadding()
                ? new PaddingMaskedNetwork(configuration) : new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /** Makes networks of the class {@link #network} chooses, for {@link Dl4jModel}'s input-gradient copy. */
    static Function<MultiLayerConfiguration, MultiLayerNetwork> networkClass(RnnArchitecture architecture) {
        return architecture.masksPadding() ? PaddingMaskedNetwork::new : MultiLayerNetwork::new;
    }

    /** The family's model over {@code network}: with a convolution front-end, one that also shows its filters. */
    static Model model(Dl4jModel network, RnnArchitecture architecture) {
        return architecture.convolution() ? new FilterBankModel(network) : network;
    }

    /** Loads what {@link Dl4jModel#save} wrote, as the network class {@link #network} would have made. */
    static Dl4jModel load(Path directory, DatasetSchema schema, RnnArchitecture architecture) throws IOException {
        if (!architecture.masksPadding()) {
            return Dl4jModel.load(directory, schema, LAYOUT);
        }
        Path file = directory.resolve(Dl4jModel.NETWORK_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved network: " + file + " does not exist");
        }
        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        try {
            MultiLayerNetwork network = new PaddingMaskedNetwork(saved.getLayerWiseConfigurations());
            network.init(saved.params(), true);
            return Dl4jModel.of(network, PaddingMaskedNetwork::new, schema, LAYOUT, null);
        } finally {
            saved.close();
        }
    }

    private static Layer recurrent(String cell, int units, double inputDropout) {
        BaseRecurrentLayer.Builder<?> builder = switch (cell) {
            case RnnArchitecture.LSTM -> new LSTM.Builder().gateActivationFunction(Activation.SIGMOID);
            case RnnArchitecture.SIMPLE -> new SimpleRnn.Builder();
            default -> throw new IllegalArgumentException("unsupported recurrent cell '" + cell + "'");
        };
        if (inputDropout > 0) {
            builder.dropOut(new Dropout(1 - inputDropout)); // Deeplearning4j takes the retain probability
        }
        return builder.nOut(units).activation(Activation.TANH).build();
    }
}
