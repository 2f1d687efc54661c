package org.genomod.model.cnn.internal;

import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.adapters.OutputAdapter;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cnn family's layer network: Deeplearning4j's, except that some layers run as the family's faster
 * implementations of the same configuration ({@link LayerSwaps}): a first convolution as an
 * {@link UnfoldedConvolution} (one matrix product, no recomputation, no input gradient in training), later
 * convolutions with many channels as {@link SpectralConvolution}s (products of spectra), batch normalisation, ReLU
 * activation layers and max pooling over windows as Java passes at memory speed ({@link StreamingBatchNormalization},
 * {@link StreamingRelu}, {@link StreamingMaxPooling}). A network of DeepBind's shape trains as one Java pass around
 * one matrix product ({@link GlobalMaxScan}), with plain Adam or SGD applied in Java too ({@link DirectUpdates}).
 * The configuration is untouched, so a saved network is
 * Deeplearning4j's and loads anywhere; the family loads it back into this class ({@link CnnNetworks#load}).
 */
final class UnfoldingNetwork extends MultiLayerNetwork {
    private static final long serialVersionUID = 1L;

    /** The whole network in one pass, when it has DeepBind's shape; else null. */
    private transient GlobalMaxScan scan;
    /** The network's updates applied in Java, when they are plain (made on the first step, with the updater). */
    private transient Optional<DirectUpdates> updates;

    UnfoldingNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        for (int i = 0; i < layers.length; i++) {
            Layer stock = layers[i];
            Layer faster = LayerSwaps.faster(stock, i, getLayerWiseConfigurations());
            if (faster != stock) {
                layers[i] = faster;
                String name = stock.conf().getLayer().getLayerName();
                if (layerMap.get(name) == stock) {
                    layerMap.put(name, faster);
                }
            }
        }
        scan = GlobalMaxScan.of(layers, getLayerWiseConfigurations());
    }

    /** Layers put in place after initialisation (the platform's output layer) are the ones the scan computes. */
    @Override
    public void setLayers(Layer[] layers) {
        super.setLayers(layers);
        scan = GlobalMaxScan.of(layers, getLayerWiseConfigurations());
    }

    /**
     * The loss and its gradient for the input and labels set, computed by the {@link GlobalMaxScan} when the network
     * has its shape (and no listener is waiting for the layers' activations); the solver then hands the gradient to
     * Deeplearning4j's updater as ever.
     */
    @Override
    public void computeGradientAndScore() {
        if (!scans(input, labels, getMask(), getOutputLayer().getMaskArray())) {
            super.computeGradientAndScore();
            return;
        }
        synchronizeIterEpochCounts();
        scanGradientAndScore();
    }

    /**
     * One training step: the {@link GlobalMaxScan}'s gradient and the {@link DirectUpdates} (plain Adam or SGD), both
     * in Java, when both apply; else Deeplearning4j's step (with the scan's gradient when the scan applies).
     */
    @Override
    public synchronized void fit(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        if (!scans(features, labels, featuresMask, labelsMask)) {
            super.fit(features, labels, featuresMask, labelsMask);
            return;
        }
        if (updates == null) {
            updates = Optional.ofNullable(DirectUpdates.of(this));
        }
        if (updates.isEmpty()) {
            super.fit(features, labels, featuresMask, labelsMask);
            return;
        }
        input = features;
        this.labels = labels;
        scanGradientAndScore();
        updates.get().apply((int) features.size(0));
        BaseOptimizer.incrementIterationCount(this, 1);
        synchronizeIterEpochCounts();
    }

    /**
     * Whether the scan computes this batch: it has the network's shape, no masks (a label mask is the output layer's
     * to weigh) and no listener waits for the layers' activations.
     */
    private boolean scans(INDArray features, INDArray labels, INDArray featuresMask, INDArray labelsMask) {
        return scan != null && featuresMask == null && labelsMask == null && trainingListeners.isEmpty()
                && scan.takes(features, labels);
    }

    /** The scan's gradient of the set input and labels, in the network's gradient view, and the score with regularisation. */
    private void scanGradientAndScore() {
        if (flattenedGradients == null) {
            initGradientsView();
        }
        double loss = scan.lossAndGradient(input, labels, flattenedGradients);
        gradient = scan.gradient();
        score = loss + calcRegularizationScore(true);
    }

    /** Inference through the {@link GlobalMaxScan} when the network has its shape. */
    @Override
    public synchronized <T> T output(INDArray inputs, INDArray inputMasks, INDArray labelMasks, OutputAdapter<T> adapter) {
        if (scan == null || inputMasks != null || !scan.takes(inputs, null)) {
            return super.output(inputs, inputMasks, labelMasks, adapter);
        }
        return adapter.apply(scan.output(inputs));
    }

    /** The same, for a caller given a detached copy (no output workspace). */
    @Override
    public synchronized INDArray output(INDArray input, boolean train, INDArray featuresMask, INDArray labelsMask,
                                        MemoryWorkspace outputWorkspace) {
        if (scan == null || outputWorkspace != null || featuresMask != null || !scan.takes(input, null)) {
            return super.output(input, train, featuresMask, labelsMask, outputWorkspace);
        }
        try (MemoryWorkspace detached = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return scan.output(input).dup();
        }
    }

    /** Tells a faster first convolution whether the gradient with respect to the network's input is wanted. */
    @Override
    protected Pair<Gradient, INDArray> calcBackpropGradients(INDArray epsilon, boolean withOutputLayer, boolean tbptt,
                                                             boolean returnInputActGrad) {
        if (layers[0] instanceof FasterConvolution first) {
            first.inputGradientWanted(returnInputActGrad);
        }
        return super.calcBackpropGradients(epsilon, withOutputLayer, tbptt, returnInputActGrad);
    }

    /** Whether training runs through a {@link GlobalMaxScan}. */
    boolean scans() {
        return scan != null;
    }

    /** Whether the steps so far were updated by {@link DirectUpdates}. */
    boolean updatesDirectly() {
        return updates != null && updates.isPresent();
    }
}
