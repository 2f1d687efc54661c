package org.genomod.dl4j;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
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

    /** Loss names a family may offer as a hyper-parameter; {@code auto} is the task's natural loss. */
    public static final List<String> LOSSES = List.of("auto", "cross_entropy", "mse", "mae");

    public static ILossFunction loss(TaskType task) {
        return loss(task, "auto");
    }

    /**
     * The loss for a task: {@code cross_entropy} (binary or categorical, as the outputs are sigmoid or
     * softmax), {@code mse} (the Brier score for probabilities) or {@code mae} (regression only).
     *
     * @throws IllegalArgumentException when the loss does not fit the task; {@link #problem} says so up front
     */
    public static ILossFunction loss(TaskType task, String loss) {
        problem(task, loss).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String chosen = loss.equals("auto") ? (task == TaskType.REGRESSION ? "mse" : "cross_entropy") : loss;
        return switch (chosen) {
            case "cross_entropy" -> task == TaskType.MULTICLASS ? new LossMCXENT() : new LossBinaryXENT();
            case "mse" -> new LossMSE();
            default -> new LossMAE();
        };
    }

    /** Why {@code loss} does not fit {@code task}, if it does not. */
    public static Optional<String> problem(TaskType task, String loss) {
        if (!LOSSES.contains(loss)) {
            return Optional.of("unknown loss '" + loss + "' (known: " + String.join(", ", LOSSES) + ")");
        }
        boolean regression = task == TaskType.REGRESSION;
        if (regression && loss.equals("cross_entropy")) {
            return Optional.of("loss cross_entropy needs a classification task, not regression (use mse or mae)");
        }
        if (!regression && loss.equals("mae")) {
            return Optional.of("loss mae is for regression; a " + task.name().toLowerCase() + " task takes cross_entropy or mse");
        }
        return Optional.empty();
    }

    /**
     * A fully connected output layer with one unit per output of {@code schema}, its input size left to
     * be inferred; a builder, so that a family can add dropout or regularisation.
     */
    public static OutputLayer.Builder builder(DatasetSchema schema) {
        return builder(schema, "auto");
    }

    /** {@link #builder(DatasetSchema)} with a chosen loss from {@link #LOSSES}. */
    public static OutputLayer.Builder builder(DatasetSchema schema, String loss) {
        return new OutputLayer.Builder()
                .nOut(schema.labelSize())
                .activation(activation(schema.task()))
                .lossFunction(loss(schema.task(), loss))
                .weightInit(WeightInit.XAVIER);
    }

    /** {@link #builder} as it is. */
    public static OutputLayer layer(DatasetSchema schema) {
        return builder(schema).build();
    }
}
