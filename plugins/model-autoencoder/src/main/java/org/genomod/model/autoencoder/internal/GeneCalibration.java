package org.genomod.model.autoencoder.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The per-gene numbers a model keeps beside its weights: the centre and scale of each gene, and a VAE's
 * decoder noise variance (in scaled units).
 *
 * <p>Reconstruction targets are the values themselves, in the reader's units, and the platform's
 * {@code data.transform: standardize} touches features only. So the model scales values and targets
 * alike itself, by each gene's mean and standard deviation in its first training batch, a
 * data-dependent initialisation fixed from then on (kept by snapshots and saved); a network output of 0
 * is that mean.
 *
 * <p>The noise variance makes the VAE's Gaussian decoder calibrated (Rybkin et al. 2021, σ-VAE): each
 * gene's variance follows the mean squared residual of the training batches (a moving average, like
 * batch normalisation's statistics), so the balance between reconstruction and KL is the likelihood's,
 * not a guess, and samples carry each gene's own unexplained variance.
 */
final class GeneCalibration {
    static final String FILE = "genes.tsv";
    private static final double NOISE_MOMENTUM = 0.1;
    private static final float MIN_NOISE_VARIANCE = 1e-4f;

    private final float[] mean;
    private final float[] scale;
    private final float[] noiseVariance;

    private GeneCalibration(float[] mean, float[] scale, float[] noiseVariance) {
        this.mean = mean;
        this.scale = scale;
        this.noiseVariance = noiseVariance;
    }

    /** Scaling by nothing (mean 0, scale 1, noise 1): an untrained model's, until its first batch. */
    static GeneCalibration unit(int genes) {
        float[] scale = new float[genes];
        float[] noise = new float[genes];
        Arrays.fill(scale, 1f);
        Arrays.fill(noise, 1f);
        return new GeneCalibration(new float[genes], scale, noise);
    }

    /**
     * Fits each gene's mean and standard deviation to its known values in a batch. A gene with fewer than
     * two known values, or none that differ, takes the batch's overall mean and the median gene's scale.
     *
     * @param values {@code examples × genes} values in the reader's units
     * @param known  1 where the value is known
     */
    static GeneCalibration fit(float[] values, float[] known, int examples, int genes) {
        float[] mean = new float[genes];
        float[] scale = new float[genes];
        int[] counts = new int[genes];
        boolean[] fitted = new boolean[genes];
        double total = 0;
        long count = 0;
        for (int g = 0; g < genes; g++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int e = 0; e < examples; e++) {
                int i = e * genes + g;
                if (known[i] != 0f) {
                    sum += values[i];
                    squares += (double) values[i] * values[i];
                    n++;
                }
            }
            total += sum;
            count += n;
            counts[g] = n;
            double m = n == 0 ? 0 : sum / n;
            double variance = n < 2 ? 0 : Math.max(0, (squares - n * m * m) / (n - 1));
            mean[g] = (float) m;
            scale[g] = (float) Math.sqrt(variance);
            fitted[g] = n >= 2 && variance > 0;
        }
        float[] scales = new float[genes];
        int fittedCount = 0;
        for (int g = 0; g < genes; g++) {
            if (fitted[g]) {
                scales[fittedCount++] = scale[g];
            }
        }
        Arrays.sort(scales, 0, fittedCount);
        float typical = fittedCount == 0 ? 1f : scales[fittedCount / 2];
        float overall = count == 0 ? 0f : (float) (total / count);
        for (int g = 0; g < genes; g++) {
            if (!fitted[g]) {
                mean[g] = counts[g] == 0 ? overall : mean[g];
                scale[g] = typical;
            }
        }
        float[] noise = new float[genes];
        Arrays.fill(noise, 1f); // the decoder starts out explaining nothing: all of a scaled gene's variance is noise
        return new GeneCalibration(mean, scale, noise);
    }

    int genes() {
        return mean.length;
    }

    float scaled(int gene, float value) {
        return (value - mean[gene]) / scale[gene];
    }

    /** The gene's unit: a scaled value of 1 is this much in the reader's units. */
    float scale(int gene) {
        return scale[gene];
    }

    float unscaled(int gene, float scaled) {
        return scaled * scale[gene] + mean[gene];
    }

    float noiseVariance(int gene) {
        return noiseVariance[gene];
    }

    /** Moves each gene's noise variance towards its mean squared residual in a batch, where the batch knows the gene. */
    void updateNoise(double[] squaredResiduals, int[] counts) {
        for (int g = 0; g < noiseVariance.length; g++) {
            if (counts[g] > 0) {
                double observed = squaredResiduals[g] / counts[g];
                noiseVariance[g] = (float) Math.max(MIN_NOISE_VARIANCE,
                        (1 - NOISE_MOMENTUM) * noiseVariance[g] + NOISE_MOMENTUM * observed);
            }
        }
    }

    GeneCalibration copy() {
        return new GeneCalibration(mean.clone(), scale.clone(), noiseVariance.clone());
    }

    /** One line per gene: name, mean, scale, noise variance; floats written so that they read back exactly. */
    void write(Path file, List<String> genes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("gene\tmean\tscale\tnoise_variance\n");
            for (int g = 0; g < mean.length; g++) {
                out.write(genes.get(g) + "\t" + mean[g] + "\t" + scale[g] + "\t" + noiseVariance[g] + "\n");
            }
        }
    }

    static GeneCalibration read(Path file, List<String> genes) throws IOException {
        int n = genes.size();
        float[] mean = new float[n];
        float[] scale = new float[n];
        float[] noise = new float[n];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (int g = 0; g < n; g++) {
                String line = in.readLine();
                String[] fields = line == null ? new String[0] : line.split("\t");
                if (fields.length != 4 || !fields[0].equals(genes.get(g))) {
                    throw new IOException(file + ":" + (g + 2) + ": expected gene '" + genes.get(g)
                            + "' with mean, scale and noise variance");
                }
                mean[g] = Float.parseFloat(fields[1]);
                scale[g] = Float.parseFloat(fields[2]);
                noise[g] = Float.parseFloat(fields[3]);
            }
        }
        return new GeneCalibration(mean, scale, noise);
    }
}
