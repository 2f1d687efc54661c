package org.genomod.model.gcn.internal;

import java.util.Locale;

/**
 * Hidden-layer nonlinearities. Each derivative is written in terms of the activation's output, so a
 * forward pass keeps only its outputs for the backward pass.
 */
enum Activation {
    RELU {
        @Override
        float apply(float x) {
            return x > 0 ? x : 0f;
        }

        @Override
        float derivativeFromOutput(float y) {
            return y > 0 ? 1f : 0f;
        }
    },
    /** {@code x} for positive inputs, {@code e^x - 1} below, so its derivative there is {@code y + 1}. */
    ELU {
        @Override
        float apply(float x) {
            return x > 0 ? x : (float) Math.expm1(x);
        }

        @Override
        float derivativeFromOutput(float y) {
            return y > 0 ? 1f : y + 1f;
        }
    },
    TANH {
        @Override
        float apply(float x) {
            return (float) Math.tanh(x);
        }

        @Override
        float derivativeFromOutput(float y) {
            return 1f - y * y;
        }
    };

    abstract float apply(float x);

    abstract float derivativeFromOutput(float y);

    void applyInPlace(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = apply(values[i]);
        }
    }

    /** {@code gradient[i] *= f'(x_i)}, given the outputs {@code y_i = f(x_i)}. */
    void backpropagate(float[] outputs, float[] gradient) {
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= derivativeFromOutput(outputs[i]);
        }
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Activation of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
