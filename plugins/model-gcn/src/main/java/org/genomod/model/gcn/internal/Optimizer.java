package org.genomod.model.gcn.internal;

import org.genomod.api.train.TrainingOptions;

/**
 * The platform's optimisers with Deeplearning4j 1.0.0-M2.1's update rules and defaults, so that this
 * family trains like the DL4J-based ones under the same spec (checked against ND4J's updaters in the
 * tests). Written out here because the family computes in plain Java arrays: wrapping ND4J's updaters would
 * copy the whole parameter vector into native memory and back at every step for a few lines of arithmetic.
 *
 * <p>{@link #step} updates the parameters in place; state is sized on the first step.
 */
abstract class Optimizer {
    /** Adam's β₁, β₂ and ε, Deeplearning4j's defaults. */
    static final double BETA1 = 0.9, BETA2 = 0.999, ADAM_EPSILON = 1e-8;
    /** Nesterov momentum, Deeplearning4j's default. */
    static final double MOMENTUM = 0.9;
    /** RMSProp's decay and ε, Deeplearning4j's defaults. */
    static final double RMS_DECAY = 0.95, RMS_EPSILON = 1e-8;

    double learningRate;
    int iteration;

    Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    static Optimizer of(String name, double learningRate) {
        return switch (name) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new Sgd(learningRate);
            case "nesterovs" -> new Nesterovs(learningRate);
            case "rmsprop" -> new RmsProp(learningRate);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: "
                    + String.join(", ", TrainingOptions.OPTIMIZERS) + ")");
        };
    }

    abstract String name();

    /** Follows a learning-rate schedule; the optimiser's state carries over. */
    void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Moves {@code parameters} against {@code gradient}. */
    final void step(float[] parameters, float[] gradient) {
        if (gradient.length != parameters.length) {
            throw new IllegalArgumentException(gradient.length + " gradient values for " + parameters.length + " parameters");
        }
        update(parameters, gradient);
        iteration++;
    }

    abstract void update(float[] parameters, float[] gradient);

    static final class Sgd extends Optimizer {
        Sgd(double learningRate) {
            super(learningRate);
        }

        @Override
        String name() {
            return "sgd";
        }

        @Override
        void update(float[] parameters, float[] gradient) {
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] -= (float) (learningRate * gradient[i]);
            }
        }
    }

    /** {@code v ← μv − lr·g; θ ← θ − (μ·v_prev − (1+μ)·v)}. */
    static final class Nesterovs extends Optimizer {
        private float[] velocity;

        Nesterovs(double learningRate) {
            super(learningRate);
        }

        @Override
        String name() {
            return "nesterovs";
        }

        @Override
        void update(float[] parameters, float[] gradient) {
            velocity = sized(velocity, parameters.length, 0f);
            for (int i = 0; i < parameters.length; i++) {
                float previous = velocity[i];
                float v = (float) (MOMENTUM * previous - learningRate * gradient[i]);
                velocity[i] = v;
                parameters[i] -= (float) (MOMENTUM * previous - (1 + MOMENTUM) * v);
            }
        }
    }

    /** {@code s ← ρs + (1−ρ)g²; θ ← θ − lr·g / (√s + ε)}, with {@code s} starting at ε. */
    static final class RmsProp extends Optimizer {
        private float[] meanSquare;

        RmsProp(double learningRate) {
            super(learningRate);
        }

        @Override
        String name() {
            return "rmsprop";
        }

        @Override
        void update(float[] parameters, float[] gradient) {
            meanSquare = sized(meanSquare, parameters.length, (float) RMS_EPSILON);
            for (int i = 0; i < parameters.length; i++) {
                float g = gradient[i];
                float s = (float) (RMS_DECAY * meanSquare[i] + (1 - RMS_DECAY) * g * g);
                meanSquare[i] = s;
                parameters[i] -= (float) (learningRate * g / (Math.sqrt(s) + RMS_EPSILON));
            }
        }
    }

    /** {@code θ ← θ − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)} (Kingma & Ba 2015, as Deeplearning4j computes it). */
    static final class Adam extends Optimizer {
        private float[] m;
        private float[] v;

        Adam(double learningRate) {
            super(learningRate);
        }

        @Override
        String name() {
            return "adam";
        }

        @Override
        void update(float[] parameters, float[] gradient) {
            m = sized(m, parameters.length, 0f);
            v = sized(v, parameters.length, 0f);
            int t = iteration + 1;
            double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < parameters.length; i++) {
                float g = gradient[i];
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
                parameters[i] -= (float) (alpha * m[i] / (Math.sqrt(v[i]) + ADAM_EPSILON));
            }
        }
    }

    /**
     * State for {@code size} parameters. The parameter vector only grows before the first step (when the
     * identity table is bound), so a size change means fresh state.
     */
    private static float[] sized(float[] state, int size, float initial) {
        if (state != null && state.length == size) {
            return state;
        }
        float[] fresh = new float[size];
        java.util.Arrays.fill(fresh, initial);
        return fresh;
    }
}
