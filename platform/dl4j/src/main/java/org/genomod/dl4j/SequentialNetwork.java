package org.genomod.dl4j;

import java.io.File;
import java.io.IOException;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.dataset.DataSet;

/** A {@link MultiLayerNetwork}: a stack of layers. */
final class SequentialNetwork implements Network {
    private final MultiLayerNetwork network;
    private final Function<MultiLayerConfiguration, MultiLayerNetwork> networkClass;
    /** Made on the first gradient request: see {@link GradientNetworks}. */
    private MultiLayerNetwork gradients;

    SequentialNetwork(MultiLayerNetwork network) {
        this(network, MultiLayerNetwork::new);
    }

    /**
     * @param network      a network not yet trained; its output layer is made a {@link WeightedOutputLayer} and its
     *                     layers frozen with backpropagation are {@linkplain FrozenLayers#detachUpdates detached from the
     *                     updater} here
     * @param networkClass makes a network of {@code network}'s class, for the copy that computes input gradients
     */
    SequentialNetwork(MultiLayerNetwork network, Function<MultiLayerConfiguration, MultiLayerNetwork> networkClass) {
        this.network = network;
        this.networkClass = networkClass;
        WeightedOutputLayer.install(network);
        FrozenLayers.detachUpdates(network);
    }

    MultiLayerNetwork multiLayerNetwork() {
        return network;
    }

    /**
     * {@code network} (initialised) as a network of this one's class, which may add behaviour (masks) that
     * Deeplearning4j's copies ({@code clone()}, transfer learning) lose: a plain network is rebuilt from its
     * configuration and parameters, then closed.
     */
    SequentialNetwork sameClass(MultiLayerNetwork network) {
        MultiLayerNetwork rebuilt = networkClass.apply(network.getLayerWiseConfigurations());
        if (rebuilt.getClass() == network.getClass()) {
            return new SequentialNetwork(network, networkClass);
        }
        rebuilt.init(network.params(), true);
        network.close();
        return new SequentialNetwork(rebuilt, networkClass);
    }

    static SequentialNetwork load(File file) throws IOException {
        return new SequentialNetwork(ModelSerializer.restoreMultiLayerNetwork(file, false));
    }

    @Override
    public float[] inputGradients(INDArray features, INDArray selection) {
        if (gradients == null) {
            gradients = GradientNetworks.copy(network, networkClass);
        }
        // the forward pass of calculateGradients runs in inference mode; the copy has no dropout to backpropagate
        INDArray gradient = gradients.calculateGradients(features, selection, null, null).getSecond();
        float[] values = toFloats(gradient);
        gradient.close();
        return values;
    }

    @Override
    public void epochStarted(int epoch) {
        network.getLayerWiseConfigurations().setEpochCount(epoch - 1);
    }

    @Override
    public double fit(INDArray features, INDArray labels, INDArray labelWeights) {
        network.fit(features, labels, null, labelWeights);
        return network.score();
    }

    @Override
    public double score(INDArray features, INDArray labels) {
        return network.score(new DataSet(features, labels), false);
    }

    @Override
    public float[] output(INDArray features) {
        // The adapter reads the outputs while they are still in the network's output workspace,
        // so inference allocates no detached native memory.
        return network.output(features, null, null, outputs -> toFloats(outputs[0]));
    }

    /** {@code array}'s values in row-major order. */
    static float[] toFloats(INDArray array) {
        if (array.dataType() == DataType.FLOAT && !array.isView() && array.ordering() == 'c'
                && Shape.hasDefaultStridesForShape(array) && array.length() == array.data().length()) {
            // one copy of its memory (not a view's, whose buffer and offset ND4J keeps in other ways): reshaping and
            // toFloatVector took some 40 µs for 256 outputs
            return array.data().getFloatsAt(array.offset(), (int) array.length());
        }
        return array.reshape('c', new long[] {array.length()}).toFloatVector();
    }

    @Override
    public INDArray params() {
        return network.params();
    }

    @Override
    public void setParams(INDArray params) {
        network.setParams(params);
    }

    @Override
    public long numParams() {
        return network.numParams();
    }

    @Override
    public String summary(InputType inputType) {
        return network.summary(inputType);
    }

    @Override
    public void save(File file) throws IOException {
        ModelSerializer.writeModel(network, file, false);
    }

    @Override
    public void close() {
        network.close();
    }
}
