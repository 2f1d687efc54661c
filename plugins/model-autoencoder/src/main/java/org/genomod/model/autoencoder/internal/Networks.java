package org.genomod.model.autoencoder.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Optimizers;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The encoder and the decoder as two Deeplearning4j stacks of dense layers, each ending in a linear
 * layer and no output layer: the family computes the loss itself and feeds its gradient back through
 * both ({@code backpropGradient}), because a reconstruction loss over known entries only, and a VAE's
 * sampling and KL term, sit between or after the stacks where no Deeplearning4j loss reaches.
 */
final class Networks {
    static final List<String> ACTIVATIONS = List.of("relu", "elu", "tanh", "leakyrelu");
    static final String ENCODER = "encoder";
    static final String DECODER = "decoder";

    private Networks() {
    }

    /** Input: scaled values (and observed flags); output: the code, or a VAE's posterior means then log-variances. */
    static MultiLayerConfiguration encoder(Architecture architecture, int inputs, TrainingOptions training, long seed,
                                           DataType dataType) {
        return stack(ENCODER, architecture, architecture.hidden(), inputs, architecture.encoderOutputs(), training, seed, dataType);
    }

    /** Input: a code; output: scaled values (a VAE's decoder means). */
    static MultiLayerConfiguration decoder(Architecture architecture, int genes, TrainingOptions training, long seed,
                                           DataType dataType) {
        List<Integer> mirrored = new ArrayList<>(architecture.hidden());
        Collections.reverse(mirrored);
        // another seed, so that a decoder shaped like its encoder does not start as its copy
        return stack(DECODER, architecture, mirrored, architecture.latent(), genes, training, seed * 31 + 17, dataType);
    }

    /** @param name the stack's name: its layers are named {@code <name>0}, {@code <name>1}, ... (see {@link #layerName}) */
    private static MultiLayerConfiguration stack(String name, Architecture architecture, List<Integer> hidden, int inputs, int outputs,
                                                 TrainingOptions training, long seed, DataType dataType) {
        Activation activation = activation(architecture.activation());
        NeuralNetConfiguration.Builder network = Optimizers.network(seed,
                dataType, Optimizers.weightInit(activation), architecture.l2(), training);
        NeuralNetConfiguration.ListBuilder layers = network.list();
        for (int i = 0; i < hidden.size(); i++) {
            layers.layer(dense(architecture, hidden.get(i), activation, i > 0).name(layerName(name, i)).build());
        }
        DenseLayer.Builder last = new DenseLayer.Builder().name(layerName(name, hidden.size())).nOut(outputs).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER);
        if (!hidden.isEmpty() && architecture.dropout() > 0) {
            last.dropOut(new Dropout(1 - architecture.dropout()));
        }
        return layers.layer(last.build()).setInputType(InputType.feedForward(inputs)).build();
    }

    /** Dropout acts on a layer's input: never on the data, which corruption already perturbs. */
    private static DenseLayer.Builder dense(Architecture architecture, int units, Activation activation, boolean dropout) {
        DenseLayer.Builder layer = new DenseLayer.Builder().nOut(units).activation(activation);
        if (dropout && architecture.dropout() > 0) {
            layer.dropOut(new Dropout(1 - architecture.dropout())); // Deeplearning4j takes the retain probability
        }
        return layer;
    }

    /**
     * Layer {@code index} (from 0, input side first) of the stack {@code stack} ({@link #ENCODER} or {@link #DECODER}):
     * {@code encoder0}, ..., {@code decoder0}, ..., as the summary prints them and {@code freeze: [names]} takes them.
     */
    static String layerName(String stack, int index) {
        return stack + index;
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
}
