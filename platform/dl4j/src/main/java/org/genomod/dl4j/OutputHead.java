package org.genomod.dl4j;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The output layer a {@link TaskType} calls for, so that predictions mean what the task says:
 * probabilities from sigmoids (binary, multi-label) or a softmax (multi-class), values for regression.
 * Class weights are not part of the loss here; {@link Dl4jModel} applies them.
 */
@ProviderType
public final class OutputHead {
    private OutputHead() {
    }

    public static Activation activation(TaskType task) {
        return switch (task) {
            case BINARY, MULTILABEL -> Activation.SIGMOID;
            case MULTICLASS -> Activation.SOFTMAX;
            case REGRESSION -> Activation.IDENTITY;
        };
    }

    public static ILossFunction loss(TaskType task) {
        return switch (task) {
            case BINARY, MULTILABEL -> new LossBinaryXENT();
            case MULTICLASS -> new LossMCXENT();
            case REGRESSION -> new LossMSE();
        };
    }

    /**
     * A fully connected output layer with one unit per output of {@code schema}, its input size left to
     * be inferred; a builder, so that a family can add dropout or regularisation.
     */
    public static OutputLayer.Builder builder(DatasetSchema schema) {
        return new OutputLayer.Builder()
                .nOut(schema.labelSize())
                .activation(activation(schema.task()))
                .lossFunction(loss(schema.task()))
                .weightInit(WeightInit.XAVIER);
    }

    /** {@link #builder} as it is. */
    public static OutputLayer layer(DatasetSchema schema) {
        return builder(schema).build();
    }
}
