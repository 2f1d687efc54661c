package org.genomod.model.dense.internal;

import java.util.List;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;
import org.genomod.dl4j.OutputHead;

/**
 * The family's hyper-parameters. The defaults are set for what the family is mostly given: far more
 * features than examples (expression profiles, genotypes), where a narrow network with a sparse, small-started
 * input layer generalises and a wide one memorises (measured on Golub's leukaemia arrays, 38 samples x 7,129
 * probes).
 */
final class DenseHyperParameters {
    static final String HIDDEN = "hidden";
    static final String ACTIVATION = "activation";
    static final String DROPOUT = "dropout";
    static final String INPUT_DROPOUT = "input_dropout";
    static final String INPUT_L1 = "input_l1";
    static final String L2 = "l2";
    static final String BATCH_NORM = "batch_norm";
    static final String WEIGHT_INIT = "weight_init";
    static final String INPUT_INIT_SCALE = "input_init_scale";
    static final String LOSS = "loss";

    static final List<String> ACTIVATIONS = List.of("relu", "leakyrelu", "elu", "selu", "gelu", "tanh");
    static final List<String> WEIGHT_INITS = List.of("auto", "he", "he_uniform", "xavier", "xavier_uniform", "lecun_normal",
            "lecun_uniform");

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .add(new Parameter(HIDDEN, ParameterType.INTEGER_LIST, false, List.of(16),
                    "units per hidden layer, input side first; [] for none: a linear model (logistic regression for classification)",
                    null, 1.0, 65536.0))
            .choice(ACTIVATION, "relu", ACTIVATIONS, "hidden activation (selu takes alpha dropout instead of dropout)")
            .number(DROPOUT, 0.5, 0, 0.95, "dropout rate on each hidden layer's output")
            .number(INPUT_DROPOUT, 0, 0, 0.95, "dropout rate on the input features")
            .number(INPUT_L1, 0.01, 0, 1, "L1 penalty on the weights of the layer that reads the inputs (loss + input_l1 x sum |w|): "
                    + "it pulls the weights of uninformative features to zero, a feature selection learnt with the network")
            .number(L2, 1e-3, 0, 1, "L2 penalty on the weights of every layer, not biases (loss + l2/2 x sum w^2)")
            .flag(BATCH_NORM, false, "batch normalisation between each hidden layer and its activation (needs batches of several examples)")
            .choice(WEIGHT_INIT, "auto", WEIGHT_INITS,
                    "hidden-layer initialisation; auto: he for relu, leakyrelu, elu and gelu, lecun_normal for selu, xavier for tanh; "
                            + "the output layer takes xavier")
            .number(INPUT_INIT_SCALE, 0.1, 0, 10, "factor on the initial weights of the layer that reads the inputs (the first hidden "
                    + "layer, or the output layer without one): small, because training never moves the random part of those weights "
                    + "that lies outside the span of the training examples, which is most of it when features outnumber examples; "
                    + "0 starts a linear model at zero")
            .choice(LOSS, "auto", OutputHead.LOSSES, "training loss; auto: cross-entropy for classification, mse for regression")
            .build();

    private DenseHyperParameters() {
    }

    static DenseArchitecture architecture(Parameters parameters) {
        return new DenseArchitecture(parameters.integers(HIDDEN), parameters.string(ACTIVATION), parameters.number(DROPOUT),
                parameters.number(INPUT_DROPOUT), parameters.number(INPUT_L1), parameters.number(L2), parameters.flag(BATCH_NORM),
                parameters.string(WEIGHT_INIT), parameters.number(INPUT_INIT_SCALE));
    }
}
