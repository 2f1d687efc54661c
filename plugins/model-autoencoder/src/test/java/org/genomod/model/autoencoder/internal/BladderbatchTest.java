package org.genomod.model.autoencoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.Splits;
import org.genomod.api.eval.Predictions;
import org.genomod.api.job.SplitSpec;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.Cancellation;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingListener;
import org.genomod.api.train.TrainingOptions;
import org.genomod.api.train.TrainingResult;
import org.genomod.api.train.ValidationScorer;
import org.genomod.core.internal.job.Splitter;
import org.genomod.core.internal.train.Batches;
import org.genomod.core.internal.train.DefaultTrainer;
import org.genomod.reader.expression.internal.ExpressionDataReader;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's two autoencoder targets on bladderbatch (57 arrays, RMA log2 values), the 1,000 most variable
 * probes, read by reader-expression and trained by the platform's own splitter and trainer (seeded random
 * 70/10/20 split of the samples, early stopping on validation loss, best epoch restored) as a pipeline would.
 */
class BladderbatchTest {
    private static final String FILE = "bladderbatch-hgu133a/bladder_exprs.csv.gz";
    private static final long SEED = 1;

    private static Dataset read(double maskFraction) throws IOException {
        return PluginTests.read(new ExpressionDataReader(), SharedData.file(FILE), ReadContext.forTraining(Cancellation.NEVER),
                "task", "reconstruction", "top_variable_genes", 1000, "mask_fraction", maskFraction, "mask_seed", 1,
                "missing", "nan");
    }

    private static AutoencoderModel train(Splits splits, Map<String, Object> hyperParameters) throws ParameterException {
        AutoencoderFamily family = new AutoencoderFamily();
        TrainingOptions options = new TrainingOptions(300, 16, "adam", 1e-3, 0, false, new EarlyStopping("loss", 30, 0, true));
        AutoencoderModel model = (AutoencoderModel) family.create(new ModelRequest(splits.train().schema(),
                family.hyperParameters().validate(hyperParameters, Path.of(".")), options, null, SEED));
        TrainingResult result = new DefaultTrainer().train(model, splits.train(), splits.validation(), options, SEED,
                ValidationScorer.NONE, TrainingListener.NONE, Cancellation.NEVER);
        assertTrue(result.bestEpoch() > 1, "trained for " + result.history().size() + " epochs, best " + result.bestEpoch());
        return model;
    }

    /** Acceptance 1: 10 % of the observed values hidden; on held-out samples, RMSE below per-gene training-mean imputation. */
    @Test
    void imputationOfHiddenValuesBeatsTheTrainingMeanOnHeldOutSamples() throws Exception {
        Dataset data = read(0.1);
        Splits splits = Splitter.split(data, SplitSpec.random(0.7, 0.1, 0.2), SEED);
        try (AutoencoderModel model = train(splits, Map.of())) {
            Predictions test = Batches.predictAll(model, splits.test(), 64);
            double[] means = knownMeans(splits.train());
            double modelSquares = 0;
            double meanSquares = 0;
            int hidden = 0;
            for (int i = 0; i < test.size(); i++) {
                for (int g = 0; g < means.length; g++) {
                    float truth = test.label(i, g); // the labels hold exactly the hidden values
                    if (!Float.isNaN(truth)) {
                        modelSquares += Math.pow(test.score(i, g) - truth, 2);
                        meanSquares += Math.pow(means[g] - truth, 2);
                        hidden++;
                    }
                }
            }
            double rmse = Math.sqrt(modelSquares / hidden);
            double meanRmse = Math.sqrt(meanSquares / hidden);
            System.out.printf(Locale.ROOT, "bladderbatch imputation, %d test samples, %d hidden values: RMSE autoencoder %.4f, "
                    + "training-mean imputation %.4f (ratio %.3f)%n", test.size(), hidden, rmse, meanRmse, rmse / meanRmse);
            assertTrue(hidden > 900, hidden + " hidden test values");
            assertTrue(rmse < 0.85 * meanRmse, "RMSE " + rmse + " against mean imputation " + meanRmse);
        }
    }

    /**
     * Acceptance 2: VAE samples against the training samples, per gene. Means: Pearson r across genes ≥ 0.99 and
     * median |sample mean − data mean| ≤ 0.15 data standard deviations (the held-out samples themselves differ from
     * the training samples by 0.19 to 0.37). Variances: Pearson r of log variances ≥ 0.85 and median ratio
     * sample/data variance within [0.8, 1.25].
     */
    @Test
    void vaeSamplesMatchTheTrainingDataPerGeneMeansAndVariances() throws Exception {
        Dataset data = read(0);
        Splits splits = Splitter.split(data, SplitSpec.random(0.7, 0.1, 0.2), SEED);
        try (AutoencoderModel model = train(splits, Map.of("variational", true, "corruption", "none", "latent", 8))) {
            int genes = data.schema().labelSize();
            int count = 2000;
            double[][] samples = moments(model.sample(count, 99, true), count, genes);
            double[][] training = moments(values(splits.train()), splits.train().size(), genes);
            double[][] prior = moments(model.sample(count, 99, true, Architecture.Sampling.PRIOR), count, genes);
            double meanCorrelation = pearson(samples[0], training[0]);
            double meanError = medianStandardisedMeanError(samples, training);
            double logVarianceCorrelation = pearson(log(samples[1]), log(training[1]));
            double varianceRatio = medianVarianceRatio(samples, training);
            System.out.printf(Locale.ROOT, "bladderbatch VAE, %d samples vs %d training arrays, %d genes: r(means) %.4f, median "
                    + "|mean error|/sd %.3f, r(log variances) %.3f, median variance ratio %.3f; from the prior N(0, I): "
                    + "r(means) %.4f, |mean error|/sd %.3f, r(log variances) %.3f, variance ratio %.3f%n", count,
                    splits.train().size(), genes, meanCorrelation, meanError, logVarianceCorrelation, varianceRatio,
                    pearson(prior[0], training[0]), medianStandardisedMeanError(prior, training),
                    pearson(log(prior[1]), log(training[1])), medianVarianceRatio(prior, training));
            assertTrue(meanCorrelation >= 0.99, "r(means) " + meanCorrelation);
            assertTrue(meanError <= 0.15, "median standardised mean error " + meanError);
            assertTrue(logVarianceCorrelation >= 0.85, "r(log variances) " + logVarianceCorrelation);
            assertTrue(varianceRatio >= 0.8 && varianceRatio <= 1.25, "median variance ratio " + varianceRatio);
            assertEquals(List.of(genes), data.schema().featureShape());
        }
    }

    /** Each gene's mean over the training samples' known values (shown or hidden). */
    private static double[] knownMeans(Dataset train) {
        int genes = train.schema().labelSize();
        double[] sum = new double[genes];
        int[] count = new int[genes];
        float[] features = new float[genes];
        float[] labels = new float[genes];
        for (int i = 0; i < train.size(); i++) {
            train.features(i, features, 0);
            train.labels(i, labels, 0);
            for (int g = 0; g < genes; g++) {
                float v = Float.isNaN(labels[g]) ? features[g] : labels[g];
                if (!Float.isNaN(v)) {
                    sum[g] += v;
                    count[g]++;
                }
            }
        }
        for (int g = 0; g < genes; g++) {
            sum[g] /= count[g];
        }
        return sum;
    }

    /** A complete dataset's values (its labels), row-major. */
    private static float[] values(Dataset data) {
        int genes = data.schema().labelSize();
        float[] values = new float[data.size() * genes];
        for (int i = 0; i < data.size(); i++) {
            data.labels(i, values, i * genes);
        }
        return values;
    }

    /** Per gene: mean and (n − 1) variance. */
    private static double[][] moments(float[] values, int rows, int genes) {
        double[] mean = new double[genes];
        double[] variance = new double[genes];
        for (int g = 0; g < genes; g++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += values[i * genes + g];
            }
            mean[g] = sum / rows;
            double squares = 0;
            for (int i = 0; i < rows; i++) {
                squares += Math.pow(values[i * genes + g] - mean[g], 2);
            }
            variance[g] = squares / (rows - 1);
        }
        return new double[][] {mean, variance};
    }

    private static double medianStandardisedMeanError(double[][] sample, double[][] data) {
        double[] errors = new double[sample[0].length];
        for (int g = 0; g < errors.length; g++) {
            errors[g] = Math.abs(sample[0][g] - data[0][g]) / Math.sqrt(data[1][g]);
        }
        return median(errors);
    }

    private static double medianVarianceRatio(double[][] sample, double[][] data) {
        double[] ratios = new double[sample[1].length];
        for (int g = 0; g < ratios.length; g++) {
            ratios[g] = sample[1][g] / data[1][g];
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] log(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
