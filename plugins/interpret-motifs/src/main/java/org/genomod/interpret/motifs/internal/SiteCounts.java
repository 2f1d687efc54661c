package org.genomod.interpret.motifs.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.model.Batch;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.api.train.Cancellation;

/**
 * Reads first-layer activations in two passes over the sequences, one batch at a time: the first finds
 * each filter's largest activation and the base composition, the second adds up the windows whose
 * activation exceeds {@code threshold ×} that maximum (DeepBind's and Basset's way of turning a filter
 * into a motif). Memory is one batch of features and activations plus {@code filters × width × 4} counts.
 */
final class SiteCounts {
    private final SequenceFilterModel model;
    private final Dataset dataset;
    private final int batchSize;
    private final Cancellation cancellation;
    private final int length;
    private final int width;
    private final int filters;
    private final int windows;

    SiteCounts(SequenceFilterModel model, Dataset dataset, int batchSize, Cancellation cancellation) {
        this.model = model;
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.cancellation = cancellation;
        this.length = dataset.schema().featureShape().get(0);
        this.width = model.filterWidth();
        this.filters = model.filterCount();
        this.windows = length - width + 1;
        if (windows < 1) {
            throw new IllegalArgumentException("filters " + width + " positions wide do not fit " + length + "-position sequences");
        }
    }

    /** The motifs of every filter, and the base frequencies of the sequences. */
    Result count(double threshold, double pseudocount) {
        double[] maxima = new double[filters];
        Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
        double[] composition = new double[4];
        forEachBatch((features, activations, size) -> {
            for (int i = 0; i < size * length; i++) {
                for (int b = 0; b < 4; b++) {
                    composition[b] += features[i * 4 + b];
                }
            }
            for (int i = 0; i < size * windows; i++) {
                for (int f = 0; f < filters; f++) {
                    maxima[f] = Math.max(maxima[f], activations[i * filters + f]);
                }
            }
        });
        double total = Arrays.stream(composition).sum();
        double[] background = new double[4];
        for (int b = 0; b < 4; b++) {
            background[b] = total > 0 ? composition[b] / total : 0.25;
        }

        double[] counts = new double[filters * width * 4];
        long[] sites = new long[filters];
        forEachBatch((features, activations, size) -> {
            for (int s = 0; s < size; s++) {
                for (int w = 0; w < windows; w++) {
                    int row = (s * windows + w) * filters;
                    for (int f = 0; f < filters; f++) {
                        if (maxima[f] > 0 && activations[row + f] > threshold * maxima[f]) {
                            sites[f]++;
                            int from = (s * length + w) * 4;
                            int to = f * width * 4;
                            for (int k = 0; k < width * 4; k++) {
                                counts[to + k] += features[from + k];
                            }
                        }
                    }
                }
            }
        });

        List<FilterMotif> motifs = new ArrayList<>(filters);
        for (int f = 0; f < filters; f++) {
            double[] p = new double[width * 4];
            for (int j = 0; j < width; j++) {
                int row = (f * width + j) * 4;
                double n = counts[row] + counts[row + 1] + counts[row + 2] + counts[row + 3];
                for (int b = 0; b < 4; b++) {
                    p[j * 4 + b] = (counts[row + b] + pseudocount * background[b]) / (n + pseudocount);
                }
            }
            motifs.add(new FilterMotif(f, width, p, sites[f], maxima[f]));
        }
        return new Result(motifs, background);
    }

    record Result(List<FilterMotif> motifs, double[] background) {
    }

    @FunctionalInterface
    private interface BatchVisitor {
        void visit(float[] features, float[] activations, int size);
    }

    private void forEachBatch(BatchVisitor visitor) {
        int featureSize = length * 4;
        float[] features = new float[batchSize * featureSize];
        for (int from = 0; from < dataset.size(); from += batchSize) {
            if (cancellation.isCancelled()) {
                throw new CancellationException("motif extraction was cancelled: " + cancellation.reason());
            }
            int size = Math.min(batchSize, dataset.size() - from);
            for (int i = 0; i < size; i++) {
                dataset.features(from + i, features, i * featureSize);
            }
            float[] batch = size == batchSize ? features : Arrays.copyOf(features, size * featureSize);
            float[] activations = model.filterActivations(new Batch(size, batch, null));
            if (activations.length != size * windows * filters) {
                throw new IllegalStateException("the model gave " + activations.length + " filter activations for "
                        + size + " sequences, expected " + size + " × " + windows + " windows × " + filters + " filters");
            }
            visitor.visit(batch, activations, size);
        }
    }
}
