package org.genomod.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.InputVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A graph that keeps the gradient backpropagation delivers to each of its inputs: Deeplearning4j 1.0.0-M2.1
 * hands it to the input vertices and clears it at the end of the pass, before a caller could read it.
 */
final class GradientGraph extends ComputationGraph {
    private static final long serialVersionUID = 1L;

    GradientGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    @Override
    public void init(INDArray parameters, boolean cloneParametersArray) {
        super.init(parameters, cloneParametersArray);
        for (int i = 0; i < vertices.length; i++) {
            if (vertices[i] instanceof InputVertex input && !(input instanceof RecordingInput)) {
                RecordingInput recording = new RecordingInput(this, input);
                vertices[i] = recording;
                verticesMap.put(input.getVertexName(), recording);
            }
        }
    }

    /** Gradients of the scores {@code selections} pick with respect to each input, in the graph's input order. */
    INDArray[] inputGradients(INDArray[] features, INDArray[] selections) {
        String[] names = getConfiguration().getNetworkInputs().toArray(String[]::new);
        for (String name : names) {
            ((RecordingInput) getVertex(name)).received = null;
        }
        setInputs(features);
        setLabels(selections);
        computeGradientAndScore();
        INDArray[] gradients = new INDArray[names.length];
        for (int k = 0; k < names.length; k++) {
            gradients[k] = ((RecordingInput) getVertex(names[k])).received;
        }
        clearLayersStates();
        return gradients;
    }

    /** An input vertex that remembers the last gradient it was given. */
    private static final class RecordingInput extends InputVertex {
        INDArray received;

        RecordingInput(ComputationGraph graph, InputVertex original) {
            super(graph, original.getVertexName(), original.getVertexIndex(), original.getOutputVertices(), original.getDataType());
        }

        @Override
        public void setEpsilon(INDArray epsilon) {
            super.setEpsilon(epsilon);
            if (epsilon != null) {
                received = epsilon;
            }
        }
    }
}
