package org.genomod.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A stand-in "loss" for an output layer whose gradient is the gradient of an attribution score, so that
 * Deeplearning4j's backpropagation yields d(score)/d(input) with no loss function, loss weight or class
 * weight in between. The labels select the score: a one-hot row picks one output column (all zeros picks
 * none). The score of a column is its pre-activation for sigmoid outputs (the log-odds) and identity outputs
 * (the value), its log-probability for a softmax, and its activation for any other function.
 *
 * <p>The "loss" is the selected score itself, so that backpropagating it gives the score's gradient as it
 * is. Used only on the copies {@link GradientNetworks} makes, which never train and are never saved.
 */
final class ScoreLoss implements org.nd4j.linalg.lossfunctions.ILossFunction {
    private static final long serialVersionUID = 1L;

    /** The scores, [examples, outputs]. */
    private static INDArray scores(INDArray preOutput, IActivation activation) {
        if (activation instanceof ActivationSoftmax) {
            return Transforms.log(Transforms.softmax(preOutput, true), false);
        }
        if (activation instanceof ActivationSigmoid || activation instanceof ActivationIdentity) {
            return preOutput.dup();
        }
        return activation.getActivation(preOutput.dup(), false);
    }

    /** d(selected score)/d(pre-activation), [examples, outputs]. */
    private static INDArray scoreGradient(INDArray selection, INDArray preOutput, IActivation activation) {
        if (activation instanceof ActivationSoftmax) {
            // d log p_k / d z = e_k - p, weighted by how much of the row is selected
            INDArray p = Transforms.softmax(preOutput, true);
            return selection.sub(p.mulColumnVector(selection.sum(true, 1)));
        }
        if (activation instanceof ActivationSigmoid || activation instanceof ActivationIdentity) {
            return selection.dup();
        }
        return activation.backprop(preOutput.dup(), selection.dup()).getFirst();
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray perExample = scores(preOutput, activation).muli(labels).sum(true, 1);
        return mask == null ? perExample : perExample.muli(mask.sum(true, 1).gt(0).castTo(perExample.dataType()));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        INDArray perExample = computeScoreArray(labels, preOutput, activation, mask);
        double total = perExample.sumNumber().doubleValue();
        return average ? total / perExample.size(0) : total;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray gradient = scoreGradient(labels, preOutput, activation);
        return mask == null ? gradient : gradient.muli(mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activation, mask, average),
                computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "attribution-score";
    }
}
