package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;

/** Central finite differences of a model's attribution score, from its predictions, to check input gradients against. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** The score a task's prediction stands for: log-odds, log-probability or the value itself. */
    static double score(TaskType task, double prediction) {
        return switch (task) {
            case BINARY, MULTILABEL -> Math.log(prediction / (1 - prediction));
            case MULTICLASS -> Math.log(prediction);
            case REGRESSION -> prediction;
        };
    }

    /** d score / d feature for every feature of every example; each feature is moved in all examples at once. */
    static double[] gradients(Model model, Batch batch, int output, double step) {
        int n = batch.size();
        int features = model.schema().featureSize();
        int outputs = model.schema().labelSize();
        TaskType task = model.schema().task();
        double[] gradients = new double[n * features];
        for (int j = 0; j < features; j++) {
            float[] up = batch.features().clone();
            float[] down = batch.features().clone();
            for (int e = 0; e < n; e++) {
                up[e * features + j] += (float) step;
                down[e * features + j] -= (float) step;
            }
            float[] high = model.predict(new Batch(n, up, null));
            float[] low = model.predict(new Batch(n, down, null));
            for (int e = 0; e < n; e++) {
                gradients[e * features + j] = (score(task, high[e * outputs + output]) - score(task, low[e * outputs + output])) / (2 * step);
            }
        }
        return gradients;
    }

    /** Every gradient within {@code relative} of the largest one (plus float noise) of its numerical estimate. */
    static void assertClose(double[] expected, float[] actual, double relative) {
        assertTrue(expected.length == actual.length, "sizes " + expected.length + " and " + actual.length);
        double largest = 0;
        for (double g : expected) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 1e-3, "the scores barely depend on the features: largest gradient " + largest);
        double tolerance = relative * largest + 2e-3;
        for (int i = 0; i < expected.length; i++) {
            int index = i;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
                    () -> "gradient " + index + ": numerical " + expected[index] + ", analytic " + actual[index]);
        }
    }
}
