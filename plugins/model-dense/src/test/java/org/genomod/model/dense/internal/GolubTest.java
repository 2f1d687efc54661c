package org.genomod.model.dense.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's acceptance check for the family: trained on Golub's 38 training arrays, scored on the 34
 * independent ones it never saw (accuracy at least 0.90), as /tmp/spec-model-dense.yaml runs it: the
 * training file standardised per probe with its own statistics, all 38 samples trained on for a fixed
 * number of epochs (8 held out for early stopping cost more than they return), Nesterov SGD with a small
 * learning rate.
 *
 * <p>One seed by default; {@code -Dgolub.seeds=1,2,3,4,5,6,7,8,9} repeats it for others, each asserted.
 */
class GolubTest {
    /** Nesterov momentum rather than Adam: with far more features than examples Adam's per-weight steps generalise worse. */
    static final TrainingOptions TRAINING = new TrainingOptions(200, 8, "nesterovs", 1e-4, 0, false, EarlyStopping.none());

    private static Examples train;
    private static Examples independent;

    @BeforeAll
    static void read() throws IOException {
        Examples raw = GolubData.read(GolubData.TRAIN);
        train = raw.standardisedBy(raw);
        independent = GolubData.read(GolubData.INDEPENDENT).standardisedBy(raw);
    }

    private static double independentAccuracy(Map<String, ?> hyperParameters, long seed) throws ParameterException {
        DenseModelFamily family = new DenseModelFamily();
        ModelRequest request = new ModelRequest(train.schema(), family.hyperParameters().validate(hyperParameters, Path.of(".")),
                TRAINING, null, seed);
        try (Model model = family.create(request)) {
            Fitting.fit(model, train, null, TRAINING.epochs(), TRAINING.batchSize(), 0, seed);
            return independent.accuracy(model.predict(independent.all()));
        }
    }

    private static long[] seeds() {
        return Arrays.stream(System.getProperty("golub.seeds", "1").split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
    }

    @Test
    void readsBothFilesAsTheSameProbes() {
        assertEquals(38, train.size());
        assertEquals(34, independent.size());
        assertEquals(List.of(7129), train.schema().featureShape());
        assertEquals(List.of("AML"), train.schema().outputs());
    }

    @Test
    void defaultNetworkClassifiesTheIndependentSet() throws ParameterException {
        for (long seed : seeds()) {
            double accuracy = independentAccuracy(Map.of(), seed);
            System.out.printf("golub dense defaults, seed %d: independent accuracy %.3f%n", seed, accuracy);
            assertTrue(accuracy >= 0.90, "seed " + seed + ": independent-set accuracy " + accuracy + " (34 samples)");
        }
    }

    @Test
    void linearBaselineWithoutHiddenLayers() throws ParameterException {
        // logistic regression from zero, with the default penalties and without any: the reference the network is
        // compared with (measured 0.912 for both), asserted only as a sanity bound
        for (long seed : seeds()) {
            double sparse = independentAccuracy(Map.of("hidden", List.of(), "input_init_scale", 0), seed);
            double plain = independentAccuracy(Map.of("hidden", List.of(), "input_init_scale", 0, "input_l1", 0, "l2", 0), seed);
            System.out.printf("golub logistic regression, seed %d: independent accuracy %.3f with input_l1 0.01, %.3f plain%n",
                    seed, sparse, plain);
            assertTrue(sparse >= 0.85, "seed " + seed + ": sparse logistic regression, independent-set accuracy " + sparse);
            assertTrue(plain >= 0.85, "seed " + seed + ": plain logistic regression, independent-set accuracy " + plain);
        }
    }
}
