package org.genomod.model.dense.internal;

import java.util.List;

/**
 * A resolved multi-layer perceptron: the flattened input, optionally dropped out, then hidden dense layers
 * (each optionally batch-normalised before its activation, its output dropped out), then the task's output
 * layer.
 *
 * @param hidden       units per hidden layer; empty for a linear model on the inputs (logistic regression)
 * @param activation   hidden activation, one of {@link DenseHyperParameters#ACTIVATIONS}
 * @param dropout      rate on each hidden layer's output
 * @param inputDropout rate on the input features
 * @param inputL1      L1 penalty on the weights of the layer that reads the inputs
 * @param l2           L2 penalty on weights
 * @param batchNorm    batch normalisation between each hidden layer and its activation
 * @param weightInit   hidden-layer initialisation, one of {@link DenseHyperParameters#WEIGHT_INITS}
 * @param inputInitScale factor on the initial weights of the layer that reads the inputs; 0 starts them at zero
 */
record DenseArchitecture(List<Integer> hidden, String activation, double dropout, double inputDropout, double inputL1, double l2,
                         boolean batchNorm, String weightInit, double inputInitScale) {

    DenseArchitecture {
        hidden = List.copyOf(hidden);
    }
}
