package org.genomod.model.multimodal.internal;

import java.util.List;

/**
 * How one input is read before the branches merge.
 *
 * @param conv           a 1-D convolution with global max pooling (one-hot sequences), else dense layers on the flattened input
 * @param hidden         dense units after the input (or after the pooled convolution), input side first
 * @param filters        convolution filters
 * @param kernel         convolution width in positions
 * @param inputL1        L1 penalty on the weights of a dense branch's first layer (feature selection)
 * @param inputInitScale factor on the initial weights of a dense branch's first layer
 */
record Branch(boolean conv, List<Integer> hidden, int filters, int kernel, double inputL1, double inputInitScale) {
    Branch {
        hidden = List.copyOf(hidden);
    }
}
