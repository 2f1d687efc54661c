package org.genomod.model.cnn.internal;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.train.TrainingOptions;
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

    static MultiLayerConfiguration configuration(CnnArchitecture architecture, DatasetSchema schema,
                                                 TrainingOptions training, long seed, String loss) {
        Activation activation = activation(architecture.activation());
        NeuralNetConfiguration.Builder network = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(activation == Activation.TANH ? WeightInit.XAVIER : WeightInit.RELU);
        if (architecture.l2() > 0) {
            network.l2(architecture.l2());
        }
        Optimizers.configure(network, training);
        NeuralNetConfiguration.ListBuilder layers = network.list();

        ConvolutionMode padding = "valid".equals(architecture.padding()) ? ConvolutionMode.Truncate : ConvolutionMode.Same;
        int last = architecture.convolutionLayers() - 1;
        for (int i = 0; i <= last; i++) {
            int pool = architecture.pooling().get(i);
            // Deeplearning4j 1.0.0-M2.1 sizes a dense layer that directly follows a Convolution1DLayer from the
            // network's input length, not the flattened positions; a separate activation layer keeps them apart
            boolean separateActivation = architecture.batchNorm() || (i == last && pool == 0);
            layers.layer(new Convolution1DLayer.Builder(architecture.widths().get(i))
                    .nOut(architecture.filters().get(i))
                    .convolutionMode(padding)
                    .activation(separateActivation ? Activation.IDENTITY : activation)
                    .build());
            if (architecture.batchNorm()) {
                // Deeplearning4j's batch norm takes no [batch, channels, length] input; as [batch * length, channels]
                // it normalises each channel over batch and positions, as PyTorch's BatchNorm1d does
                layers.inputPreProcessor(layerCount(layers), new RnnToFeedForwardPreProcessor(RNNFormat.NCW));
                layers.layer(new BatchNormalization.Builder().build());
                layers.inputPreProcessor(layerCount(layers), new FeedForwardToRnnPreProcessor(RNNFormat.NCW));
            }
            if (separateActivation) {
                layers.layer(new ActivationLayer(activation));
            }
            if (pool == CnnArchitecture.GLOBAL_POOLING) {
                layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
            } else if (pool > 0) {
                // truncating, as PyTorch's MaxPool1d does: floor(length / pool) positions
                layers.layer(new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX, pool, pool)
                        .convolutionMode(ConvolutionMode.Truncate).build());
            }
        }

        if (!architecture.globalPooling()) {
            // Deeplearning4j would apply a following dense layer to each position; flatten channel-major instead
            int length = architecture.positionsLeft(schema.featureShape().get(0));
            int channels = architecture.filters().get(architecture.convolutionLayers() - 1);
            layers.inputPreProcessor(layerCount(layers), new KerasFlattenRnnPreprocessor(channels, length));
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
