package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    private static DatasetSchema schema(TaskType task, String... outputs) {
        return new DatasetSchema(List.of(4), "test", task, List.of(outputs), null);
    }

    private static float[] mask(DatasetSchema schema, float[] weights, float[] labels, int examples) {
        ClassWeights classWeights = ClassWeights.of(schema, weights);
        long[] shape = classWeights.maskShape(examples);
        FloatBuffer mask = FloatBuffer.allocate((int) (shape[0] * shape[1]));
        classWeights.fill(labels, examples, mask);
        return mask.array();
    }

    @Test
    void binaryWeightsPositivesOnly() {
        float[] mask = mask(schema(TaskType.BINARY, "bound"), new float[] {4}, new float[] {1, 0, 1}, 3);
        assertArrayEquals(new float[] {4, 1, 4}, mask);
    }

    @Test
    void multilabelWeightsEachOutputsPositives() {
        float[] mask = mask(schema(TaskType.MULTILABEL, "a", "b"), new float[] {2, 3}, new float[] {1, 1, 0, 1, 0, 0}, 3);
        assertArrayEquals(new float[] {2, 3, 1, 3, 1, 1}, mask);
    }

    @Test
    void multiclassWeightsEachExampleByItsClass() {
        float[] mask = mask(schema(TaskType.MULTICLASS, "x", "y", "z"), new float[] {1, 5, 2},
                new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, 3);
        assertArrayEquals(new float[] {5, 2, 1}, mask);
    }

    @Test
    void regressionWeightsEachTarget() {
        float[] mask = mask(schema(TaskType.REGRESSION, "u", "v"), new float[] {0.5f, 2}, new float[] {3, -1, 7, 8}, 2);
        assertArrayEquals(new float[] {0.5f, 2, 0.5f, 2}, mask);
    }

    @Test
    void rejectsWrongCountAndNonPositiveWeights() {
        assertNull(ClassWeights.of(schema(TaskType.BINARY, "p"), null));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(schema(TaskType.BINARY, "p"), new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(schema(TaskType.BINARY, "p"), new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(schema(TaskType.BINARY, "p"), new float[] {Float.NaN}));
    }
}
