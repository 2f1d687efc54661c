package org.genomod.model.dense.internal;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.InputLayout;
import org.genomod.dl4j.Optimizers;
import org.genomod.dl4j.OutputHead;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns a {@link DenseArchitecture} into a Deeplearning4j configuration. Examples of any feature shape
 * (expression profiles, allele counts, one-hot sequences) enter flattened, row-major.
 *
 * <p>Deeplearning4j applies a layer's dropout to that layer's input: the input dropout sits on the first
 * layer, and each hidden layer's dropout on the layer after it.
 */
final class DenseNetworks {
    static final InputLayout LAYOUT = InputLayout.FLAT;

    private DenseNetworks() {
    }

    static MultiLayerConfiguration configuration(DenseArchitecture architecture, DatasetSchema schema, TrainingOptions training,
                                                 long seed, String loss) {
        Activation activation = activation(architecture.activation());
        String init = InitialWeights.resolve(architecture.weightInit(), activation);
        NeuralNetConfiguration.Builder network = Optimizers.network(seed,
                DataType.FLOAT, InitialWeights.scheme(init), architecture.l2(), training);
        NeuralNetConfiguration.ListBuilder layers = network.list();

        double rate = architecture.inputDropout();
        boolean first = true; // the layer that reads the inputs takes input_init_scale and input_l1
        for (int units : architecture.hidden()) {
            DenseLayer.Builder layer = new DenseLayer.Builder()
                    .nOut(units)
                    .activation(architecture.batchNorm() ? Activation.IDENTITY : activation)
                    .hasBias(!architecture.batchNorm()); // batch norm's shift replaces the bias
            if (rate > 0) {
                layer.dropOut(dropout(rate, activation));
            }
            if (first) {
                layer.weightInit(InitialWeights.scaled(init, architecture.inputInitScale(), schema.featureSize(), units));
                penaliseInputWeights(layer, architecture);
            }
            layers.layer(layer.build());
            if (architecture.batchNorm()) {
                layers.layer(new BatchNormalization.Builder().build());
                layers.layer(new ActivationLayer(activation));
            }
            rate = architecture.dropout();
            first = false;
        }
        OutputLayer.Builder output = OutputHead.builder(schema, loss);
        if (first) {
            // a linear model: the output layer reads the inputs; its scheme stays the head's (Xavier)
            output.weightInit(InitialWeights.scaled("xavier", architecture.inputInitScale(), schema.featureSize(), schema.labelSize()));
            penaliseInputWeights(output, architecture);
        }
        if (rate > 0) {
            output.dropOut(dropout(rate, activation));
        }
        return layers.layer(output.build())
                .setInputType(LAYOUT.inputType(schema.featureShape()))
                .build();
    }

    /**
     * The L1 penalty selects input features, so it sits on the layer that reads them. A layer with its own
     * regularisation no longer inherits the network's, so the L2 is repeated there.
     */
    private static void penaliseInputWeights(BaseLayer.Builder<?> layer, DenseArchitecture architecture) {
        if (architecture.inputL1() > 0) {
            layer.l1(architecture.inputL1());
            if (architecture.l2() > 0) {
                layer.l2(architecture.l2());
            }
        }
    }

    /**
     * A new instance per layer (a dropout keeps its mask between the forward and the backward pass). SELU
     * networks take alpha dropout, which keeps the self-normalising mean and variance that plain dropout breaks.
     */
    private static IDropout dropout(double rate, Activation activation) {
        double retain = 1 - rate; // Deeplearning4j takes the retain probability
        return activation == Activation.SELU ? new AlphaDropout(retain) : new Dropout(retain);
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "gelu" -> Activation.GELU;
            case "tanh" -> Activation.TANH;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "' (known: "
                    + String.join(", ", DenseHyperParameters.ACTIVATIONS) + ")");
        };
    }
}
