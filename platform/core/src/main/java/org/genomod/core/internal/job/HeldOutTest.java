package org.genomod.core.internal.job;

import org.genomod.api.data.Dataset;
import org.genomod.api.eval.Predictions;
import org.genomod.api.model.Model;
import org.genomod.core.internal.train.Batches;

/**
 * The test split, predicted once by the final model. A second look (by a search trial, a second model, a
 * second evaluation round) throws: figures chosen on the test set are no longer test figures.
 */
final class HeldOutTest {
    private final Dataset test;
    private boolean predicted;

    HeldOutTest(Dataset test) {
        this.test = test;
    }

    int size() {
        return test.size();
    }

    /** The final model's predictions; the only way to them. */
    Predictions predict(Model model, int batchSize) {
        if (predicted) {
            throw new IllegalStateException("the test split is predicted once, by the final model; it was already predicted");
        }
        predicted = true;
        return Batches.predictAll(model, test, batchSize);
    }

    /** The examples, for interpreting the final model after its one prediction. */
    Dataset predicted() {
        if (!predicted) {
            throw new IllegalStateException("the test split is interpreted after the final model's prediction");
        }
        return test;
    }
}
