package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class OutputHeadTest {

    @Test
    void activationAndLossFollowTheTask() {
        assertEquals(Activation.SIGMOID, OutputHead.activation(TaskType.BINARY));
        assertEquals(Activation.SIGMOID, OutputHead.activation(TaskType.MULTILABEL));
        assertEquals(Activation.SOFTMAX, OutputHead.activation(TaskType.MULTICLASS));
        assertEquals(Activation.IDENTITY, OutputHead.activation(TaskType.REGRESSION));
        assertInstanceOf(LossBinaryXENT.class, OutputHead.loss(TaskType.BINARY));
        assertInstanceOf(LossBinaryXENT.class, OutputHead.loss(TaskType.MULTILABEL));
        assertInstanceOf(LossMCXENT.class, OutputHead.loss(TaskType.MULTICLASS));
        assertInstanceOf(LossMSE.class, OutputHead.loss(TaskType.REGRESSION));
    }

    @Test
    void layerHasOneUnitPerOutput() {
        DatasetSchema schema = new DatasetSchema(List.of(60, 4), "dna-one-hot", TaskType.MULTICLASS, List.of("EI", "IE", "N"), null);
        OutputLayer layer = OutputHead.layer(schema);
        assertEquals(3, layer.getNOut());
        assertEquals(Activation.SOFTMAX.getActivationFunction(), layer.getActivationFn());
        assertInstanceOf(LossMCXENT.class, layer.getLossFn());
    }

    @Test
    void chosenLossMustFitTheTask() {
        assertInstanceOf(LossMSE.class, OutputHead.loss(TaskType.BINARY, "mse"));
        assertInstanceOf(LossMCXENT.class, OutputHead.loss(TaskType.MULTICLASS, "cross_entropy"));
        assertInstanceOf(org.nd4j.linalg.lossfunctions.impl.LossMAE.class, OutputHead.loss(TaskType.REGRESSION, "mae"));
        assertEquals("loss cross_entropy needs a classification task, not regression (use mse or mae)",
                OutputHead.problem(TaskType.REGRESSION, "cross_entropy").orElseThrow());
        assertEquals("loss mae is for regression; a binary task takes cross_entropy or mse",
                OutputHead.problem(TaskType.BINARY, "mae").orElseThrow());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OutputHead.loss(TaskType.MULTICLASS, "mae"));
    }
}
