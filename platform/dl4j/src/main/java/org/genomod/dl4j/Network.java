package org.genomod.dl4j;

import java.io.File;
import java.io.IOException;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The operations {@link Dl4jModel} needs from a Deeplearning4j network with one input and one output,
 * so that a ComputationGraph can stand beside the MultiLayerNetwork.
 */
interface Network {

    /** One update step; returns the loss before the update (regularisation included). */
    double fit(INDArray features, INDArray labels, INDArray labelWeights);

    /** Loss in inference mode, without updating (regularisation included). */
    double score(INDArray features, INDArray labels);

    /** Inference-mode outputs, row-major {@code [examples, outputs]}, copied out of the network's workspace. */
    float[] output(INDArray features);

    /**
     * Gradients of the scores {@code selection} picks (one-hot rows over the outputs, see {@link ScoreLoss})
     * with respect to {@code features}, in inference mode, in the features' layout.
     */
    float[] inputGradients(INDArray features, INDArray selection);

    /** The flattened parameters, a view into the network. */
    INDArray params();

    /** Copies {@code params} into the network's parameters. */
    void setParams(INDArray params);

    long numParams();

    String summary(InputType inputType);

    void save(File file) throws IOException;

    /** Frees parameters, gradients, updater state and this thread's workspaces. */
    void close();

    /** Sets the network's epoch count (Deeplearning4j counts from 0) so epoch-keyed learning-rate schedules apply. */
    void epochStarted(int epoch);
}
