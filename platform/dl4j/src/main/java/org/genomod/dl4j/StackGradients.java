package org.genomod.dl4j;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.osgi.annotation.versioning.ProviderType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Input gradients of a layer stack that a family drives itself (no output layer, its own loss): the
 * gradient an output gradient backpropagates to the input, through a copy of the stack that shares its
 * parameters but computes what inference does (no dropout, batch normalisation by its running statistics;
 * see {@code GradientNetworks}). The copy follows training and restored states; it is never closed.
 */
@ProviderType
public final class StackGradients {
    private final MultiLayerNetwork copy;

    private StackGradients(MultiLayerNetwork copy) {
        this.copy = copy;
    }

    /** Gradients through {@code network}, which must stay open while this is used. */
    public static StackGradients of(MultiLayerNetwork network) {
        return new StackGradients(GradientNetworks.copy(Objects.requireNonNull(network, "network"), MultiLayerNetwork::new));
    }

    /**
     * {@code outputGradient} ({@code [examples, outputs]}) taken back to the input ({@code [examples, inputs]}):
     * for each example, the gradient of {@code Σ outputGradient · output} with respect to its input, at
     * {@code input}. Detached arrays.
     */
    public INDArray backpropagate(INDArray input, INDArray outputGradient) {
        NativeThreads.applyToCurrentThread();
        copy.setInput(input);
        copy.feedForward(true, false); // training mode: the copy has no dropout, and its batch norm ignores the flag
        INDArray gradient = copy.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        copy.clearLayersStates();
        return gradient;
    }
}
