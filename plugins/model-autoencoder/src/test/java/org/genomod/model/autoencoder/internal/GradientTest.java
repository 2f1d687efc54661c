package org.genomod.model.autoencoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.genomod.api.model.Batch;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.ModelState;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.LearningRateSchedule;
import org.genomod.api.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The family computes its losses itself and feeds their gradients back through two Deeplearning4j stacks
 * (decoder, then through the code or the VAE's sampling into the encoder). Checked against finite
 * differences of the loss, in double precision, with plain SGD so that one step moves the parameters by
 * exactly learning rate × gradient.
 */
class GradientTest {
    private static final double LEARNING_RATE = 1e-3;
    private static final double H = 1e-6;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void backpropagatedGradientsMatchFiniteDifferences(boolean variational) throws Exception {
        Dataset data = Expression.lowRank(6, 7, 2, 0.1, 3).masked(0.3, 4);
        var parameters = new AutoencoderFamily().hyperParameters().validate(Map.of("variational", variational,
                "hidden", java.util.List.of(5), "latent", 3, "activation", "tanh", "corruption", "none", "l2", 0), Path.of("."));
        TrainingOptions sgd = new TrainingOptions(1, 6, "sgd", LEARNING_RATE, 0, false, EarlyStopping.none());
        AutoencoderModel model = AutoencoderFamily.create(new ModelRequest(data.schema(), parameters, sgd, null, 11),
                DataType.DOUBLE);
        try (model) {
            Batch batch = Expression.all(data);
            float[] epsilon = new float[6 * 3];
            Random random = new Random(5);
            for (int i = 0; i < epsilon.length; i++) {
                epsilon[i] = (float) random.nextGaussian();
            }
            model.fit(batch, epsilon); // fits the gene scaling; the next step starts from calibrated values
            ModelState before = model.snapshot();
            INDArray start = model.parameters();
            double loss = model.loss(batch, epsilon);
            assertEquals(loss, model.fit(batch, epsilon), 1e-9, "fit reports the loss before its step");
            INDArray gradient = start.sub(model.parameters()).divi(LEARNING_RATE);
            model.restore(before);

            int checked = 0;
            double worst = 0;
            for (int p = 0; p < start.length(); p += 3) {
                INDArray plus = start.dup();
                plus.putScalar(p, start.getDouble(p) + H);
                model.setParameters(plus);
                double up = model.loss(batch, epsilon);
                INDArray minus = start.dup();
                minus.putScalar(p, start.getDouble(p) - H);
                model.setParameters(minus);
                double down = model.loss(batch, epsilon);
                double numeric = (up - down) / (2 * H);
                double analytic = gradient.getDouble(p);
                double error = Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic));
                worst = Math.max(worst, error);
                checked++;
            }
            assertTrue(checked > 30, checked + " parameters checked");
            assertTrue(worst < 1e-4, "largest relative gradient error " + worst);
        }
    }

    @Test
    void theLearningRateFollowsTheScheduleByEpoch() throws Exception {
        Dataset data = Expression.lowRank(6, 7, 2, 0.1, 3).complete();
        var parameters = new AutoencoderFamily().hyperParameters().validate(Map.of("corruption", "none", "l2", 0,
                "hidden", java.util.List.of(5), "latent", 3), Path.of("."));
        TrainingOptions stepped = new TrainingOptions(4, 6, "sgd", LEARNING_RATE, 0, false, EarlyStopping.none(),
                new LearningRateSchedule("step", 0.1, 2));
        try (AutoencoderModel model = AutoencoderFamily.create(new ModelRequest(data.schema(), parameters, stepped, null, 11),
                DataType.DOUBLE)) {
            Batch batch = Expression.all(data);
            model.epochStarted(1);
            model.fit(batch);
            ModelState before = model.snapshot();
            INDArray start = model.parameters();
            model.fit(batch);
            double first = start.distance2(model.parameters());
            model.restore(before);
            model.epochStarted(3); // the second step of 2 epochs: a tenth of the rate
            model.fit(batch);
            double third = start.distance2(model.parameters());
            assertEquals(0.1, third / first, 1e-6);
        }
    }

    /**
     * Input gradients of each predicted value against finite differences of the predictions, in double precision:
     * with dropout (which they leave out), missing values (gradient 0), on both prediction settings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"autoencoder imputed", "autoencoder reconstructed", "vae imputed", "vae reconstructed"})
    void inputGradientsMatchFiniteDifferencesOfThePredictions(String setting) throws Exception {
        Dataset data = Expression.lowRank(6, 5, 2, 0.1, 3).masked(0.3, 4);
        var parameters = new AutoencoderFamily().hyperParameters().validate(Map.of("variational", setting.startsWith("vae"),
                "prediction", setting.split(" ")[1], "hidden", java.util.List.of(6, 4), "latent", 3, "activation", "tanh",
                "dropout", 0.3, "observed_input", true), Path.of("."));
        TrainingOptions adam = new TrainingOptions(1, 6, "adam", 0.01, 0, false, EarlyStopping.none());
        try (AutoencoderModel model = AutoencoderFamily.create(new ModelRequest(data.schema(), parameters, adam, null, 11),
                DataType.DOUBLE)) {
            Batch batch = Expression.all(data);
            for (int i = 0; i < 5; i++) {
                model.fit(batch);
            }
            Batch unlabelled = new Batch(batch.size(), batch.features(), null);
            int genes = 5;
            double step = 1e-2;
            int compared = 0;
            for (int output = 0; output < genes; output++) {
                float[] analytic = model.inputGradients(unlabelled, output);
                for (int e = 0; e < batch.size(); e++) {
                    for (int g = 0; g < genes; g++) {
                        int i = e * genes + g;
                        if (Float.isNaN(batch.features()[i])) {
                            assertEquals(0f, analytic[i], "a missing value's gradient");
                            continue;
                        }
                        float[] up = batch.features().clone();
                        float[] down = batch.features().clone();
                        up[i] += (float) step;
                        down[i] -= (float) step;
                        double numeric = (model.predict(new Batch(batch.size(), up, null))[e * genes + output]
                                - model.predict(new Batch(batch.size(), down, null))[e * genes + output]) / (2 * step);
                        assertEquals(numeric, analytic[i], 2e-3 + 0.01 * Math.abs(numeric),
                                setting + ": example " + e + ", value " + g + ", output " + output);
                        compared += Math.abs(numeric) > 1e-2 ? 1 : 0;
                    }
                }
            }
            assertTrue(compared > 30, "only " + compared + " gradients away from 0");
        }
    }
}
