package org.genomod.dl4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.genomod.api.train.TrainingOptions;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * {@link TrainingOptions} in Deeplearning4j terms: the updater with its learning rate, and gradient
 * clipping. Each updater keeps Deeplearning4j's defaults for its other settings (Adam: β₁ 0.9, β₂ 0.999,
 * ε 1e-8; Nesterov momentum 0.9; RMSProp decay 0.95, ε 1e-8).
 */
@ProviderType
public final class Optimizers {
    /**
     * The optimizers Deeplearning4j 1.0.0-M2.1 provides. {@code adamw} is not among them: that release has
     * no AdamW updater.
     */
    public static final List<String> SUPPORTED = List.of("adam", "sgd", "nesterovs", "rmsprop");

    private Optimizers() {
    }

    /** @throws IllegalArgumentException for an optimizer not in {@link #SUPPORTED} */
    public static IUpdater updater(TrainingOptions options) {
        if (!options.schedule().type().equals("constant")) {
            ISchedule schedule = schedule(options);
            return switch (options.optimizer()) {
                case "adam" -> new Adam(schedule);
                case "sgd" -> new Sgd(schedule);
                case "nesterovs" -> new Nesterovs(schedule, Nesterovs.DEFAULT_NESTEROV_MOMENTUM);
                case "rmsprop" -> new RmsProp(schedule);
                default -> throw unsupported(options);
            };
        }
        double lr = options.learningRate();
        return switch (options.optimizer()) {
            case "adam" -> new Adam(lr);
            case "sgd" -> new Sgd(lr);
            case "nesterovs" -> new Nesterovs(lr, Nesterovs.DEFAULT_NESTEROV_MOMENTUM);
            case "rmsprop" -> new RmsProp(lr);
            default -> throw unsupported(options);
        };
    }

    private static IllegalArgumentException unsupported(TrainingOptions options) {
        return new IllegalArgumentException("optimizer '" + options.optimizer()
                + "' is not available in Deeplearning4j 1.0.0-M2.1 (available: " + String.join(", ", SUPPORTED) + ")");
    }

    /**
     * The options' schedule as Deeplearning4j's epoch-keyed map (its epochs count from 0). It takes effect
     * because {@link Dl4jModel#epochStarted} sets the network's epoch count.
     */
    static ISchedule schedule(TrainingOptions options) {
        Map<Integer, Double> rates = new HashMap<>();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            rates.put(epoch - 1, options.learningRate(epoch));
        }
        return new MapSchedule(ScheduleType.EPOCH, rates);
    }

    /** The weight initialisation for layers with {@code activation}: Xavier for tanh, He (ReLU's) otherwise. */
    public static WeightInit weightInit(Activation activation) {
        return activation == Activation.TANH ? WeightInit.XAVIER : WeightInit.RELU;
    }

    /**
     * The configuration every family's network starts from: seeded, in {@code dataType}, with one weight
     * initialisation, L2 when positive, and the updater and clipping of {@link #configure}.
     */
    public static NeuralNetConfiguration.Builder network(long seed, DataType dataType, WeightInit weightInit, double l2,
                                                         TrainingOptions options) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .weightInit(weightInit);
        if (l2 > 0) {
            builder.l2(l2);
        }
        return configure(builder, options);
    }

    /** Sets the updater and, when {@link TrainingOptions#gradientClip()} is positive, element-wise gradient clipping. */
    public static NeuralNetConfiguration.Builder configure(NeuralNetConfiguration.Builder builder, TrainingOptions options) {
        builder.updater(updater(options));
        if (options.gradientClip() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(options.gradientClip());
        }
        return builder;
    }
}
