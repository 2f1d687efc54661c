package org.genomod.model.gcn.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/** The family's hyper-parameters and their defaults (Kipf & Welling 2017 unless said otherwise). */
final class GcnHyperParameters {
    static final String MODE = "mode";
    static final String HIDDEN = "hidden";
    static final String ACTIVATION = "activation";
    static final String DROPOUT = "dropout";
    static final String L2 = "l2";
    static final String IDENTITY_FEATURES = "identity_features";
    static final String STANDARDIZE = "standardize";
    static final String POOLING = "pooling";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .choice(MODE, "node", keys(GcnArchitecture.Mode.values()),
                    "node: the examples are nodes of the network (node classification); graph: each example is a signal"
                            + " on every node ([nodes] or [nodes, channels]), pooled to one output per example")
            .add(new Parameter(HIDDEN, ParameterType.INTEGER_LIST, false, List.of(64),
                    "widths of the hidden graph convolutions; node mode adds one more convolution as the output layer"
                            + " ([] = a single convolution), graph mode pools after the last and adds a dense output layer",
                    null, 1.0, 65536.0))
            .choice(ACTIVATION, "relu", keys(Activation.values()), "hidden activation")
            .number(DROPOUT, 0.5, 0, 0.9, "probability of dropping each input of every layer while training")
            .number(L2, 5e-4, 0, 1, "L2 penalty on weights (not biases), l2/2 * sum of squares added to the loss")
            .flag(IDENTITY_FEATURES, false, "append one-hot node identity columns to the first layer's input, i.e. learn"
                    + " a vector per node of the training network (transductive: unknown nodes get none)")
            .flag(STANDARDIZE, true, "node mode: centre and scale each node-feature column over all nodes of the training"
                    + " network; the same statistics are applied at prediction")
            .choice(POOLING, "mean", keys(GcnArchitecture.Pooling.values()), "graph mode: mean or max over the nodes")
            .build();

    private GcnHyperParameters() {
    }

    static GcnArchitecture architecture(Parameters p) {
        return new GcnArchitecture(
                GcnArchitecture.Mode.valueOf(p.string(MODE).toUpperCase(Locale.ROOT)),
                p.integers(HIDDEN),
                Activation.of(p.string(ACTIVATION)),
                p.number(DROPOUT),
                p.number(L2),
                p.flag(IDENTITY_FEATURES),
                p.flag(STANDARDIZE),
                GcnArchitecture.Pooling.valueOf(p.string(POOLING).toUpperCase(Locale.ROOT)));
    }

    private static List<String> keys(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
