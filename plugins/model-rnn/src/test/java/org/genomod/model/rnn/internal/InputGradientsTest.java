package org.genomod.model.rnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.PluginTests;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input gradients of a bidirectional LSTM with dropout against finite differences of its log-odds. */
class InputGradientsTest {
    @TempDir
    Path dir;

    @Test
    void gradientsAreThoseOfTheLogOdds() {
        Sequences data = Sequences.plantedMotif(64, 20, "TGACTCA", 3);
        RnnModelFamily family = new RnnModelFamily();
        TrainingOptions adam = new TrainingOptions(1, 32, "adam", 3e-3, 0, false, EarlyStopping.none());
        try (Model model = family.create(new ModelRequest(data.schema(), PluginTests.valid(family.hyperParameters(),
                Map.of("cell", "lstm", "units", List.of(6), "bidirectional", true, "pooling", "average", "dropout", 0.3), dir),
                adam, null, 5))) {
            data.train(model, 1, 32, 1);
            Batch batch = data.slice(0, 4).all();
            float[] gradients = assertInstanceOf(DifferentiableModel.class, model).inputGradients(batch, 0);
            int f = data.schema().featureSize();
            double step = 1e-2;
            double largest = 0;
            int compared = 0;
            for (int e = 0; e < batch.size(); e++) {
                for (int position = 0; position < 20; position++) {
                    int row = e * f + position * 4;
                    boolean padded = batch.features()[row] + batch.features()[row + 1] + batch.features()[row + 2] + batch.features()[row + 3] == 0;
                    for (int c = 0; c < 4; c++) {
                        if (padded) {
                            assertEquals(0, gradients[row + c], 1e-7, "padding is masked");
                            continue;
                        }
                        float[] up = batch.features().clone();
                        float[] down = batch.features().clone();
                        up[row + c] += (float) step;
                        down[row + c] -= (float) step;
                        double numerical = (logit(model.predict(new Batch(4, up, null))[e]) - logit(model.predict(new Batch(4, down, null))[e])) / (2 * step);
                        largest = Math.max(largest, Math.abs(numerical));
                        assertEquals(numerical, gradients[row + c], 0.02 * Math.abs(numerical) + 3e-3, "example " + e + " position " + position + " channel " + c);
                        compared++;
                    }
                }
            }
            assertTrue(largest > 1e-2 && compared == 4 * f, "largest " + largest + " over " + compared);
        }
    }

    @Test
    void paddedSequencesAreRefusedRatherThanDifferentiatedUnmasked() {
        Sequences data = Sequences.plantedMotif(64, 14, 20, 20, "TGACTCA", 4);
        RnnModelFamily family = new RnnModelFamily();
        TrainingOptions adam = new TrainingOptions(1, 32, "adam", 3e-3, 0, false, EarlyStopping.none());
        try (Model model = family.create(new ModelRequest(data.schema(), PluginTests.valid(family.hyperParameters(),
                Map.of("cell", "lstm", "units", List.of(4), "pooling", "average"), dir), adam, null, 5))) {
            UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                    () -> ((DifferentiableModel) model).inputGradients(data.slice(0, 8).all(), 0));
            assertTrue(e.getMessage().contains("padded"), e.getMessage());
        }
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
