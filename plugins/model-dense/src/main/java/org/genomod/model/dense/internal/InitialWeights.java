package org.genomod.model.dense.internal;

import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;

/**
 * Weight initialisation schemes by name, and their scaled variants for the layer that reads the inputs.
 *
 * <p>Scaled weights are given as a plain normal or uniform distribution with the scheme's standard deviation
 * times the scale, so that a saved network's configuration names only Deeplearning4j's own classes (a
 * class of this bundle could not be found when another bundle loads the network).
 */
final class InitialWeights {
    private InitialWeights() {
    }

    /** The scheme {@code auto} stands for: He for the ReLU family, LeCun for SELU, Xavier for tanh. */
    static String resolve(String name, Activation activation) {
        if (!name.equals("auto")) {
            return name;
        }
        return switch (activation) {
            case TANH -> "xavier";
            case SELU -> "lecun_normal";
            default -> "he";
        };
    }

    static WeightInit scheme(String name) {
        return switch (name) {
            case "he" -> WeightInit.RELU;
            case "he_uniform" -> WeightInit.RELU_UNIFORM;
            case "xavier" -> WeightInit.XAVIER;
            case "xavier_uniform" -> WeightInit.XAVIER_UNIFORM;
            case "lecun_normal" -> WeightInit.LECUN_NORMAL;
            case "lecun_uniform" -> WeightInit.LECUN_UNIFORM;
            default -> throw new IllegalArgumentException("unknown weight_init '" + name + "' (known: "
                    + String.join(", ", DenseHyperParameters.WEIGHT_INITS) + ")");
        };
    }

    /**
     * The scheme {@code name} (resolved) for a layer of {@code fanIn} inputs and {@code fanOut} units, with
     * every initial weight multiplied by {@code scale}; 0 starts all weights at zero.
     */
    static IWeightInit scaled(String name, double scale, long fanIn, long fanOut) {
        if (scale == 0) {
            return WeightInit.ZERO.getWeightInitFunction();
        }
        if (scale == 1) {
            return scheme(name).getWeightInitFunction();
        }
        double deviation = scale * switch (name) {
            case "he", "he_uniform" -> Math.sqrt(2.0 / fanIn);
            case "lecun_normal", "lecun_uniform" -> Math.sqrt(1.0 / fanIn);
            case "xavier", "xavier_uniform" -> Math.sqrt(2.0 / (fanIn + fanOut));
            default -> throw new IllegalArgumentException("unknown weight_init '" + name + "'");
        };
        if (name.endsWith("_uniform")) {
            double limit = Math.sqrt(3) * deviation; // U(-a, a) has deviation a / sqrt(3)
            return new WeightInitDistribution(new UniformDistribution(-limit, limit));
        }
        return new WeightInitDistribution(new NormalDistribution(0, deviation));
    }
}
