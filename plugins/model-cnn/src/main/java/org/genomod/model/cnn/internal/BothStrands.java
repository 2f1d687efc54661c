package org.genomod.model.cnn.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.DifferentiableModel;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelState;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.dl4j.FilterBankModel;

/**
 * A model that reads both strands (reverse-complement averaging): it trains on each sequence and on its
 * reverse complement with the same labels, and predicts the mean of the two strands' outputs, so that a
 * binding site scores the same whichever strand the file gives. The network inside is unchanged, and is
 * saved and transferred as it is.
 *
 * <p>With one-hot rows in the order A, C, G, T (or A, C, G, U) a base's complement is channel {@code 3 - c},
 * so the reverse complement of a flattened {@code [length, 4]} example is that example read backwards.
 *
 * <p>Input gradients are those of the score of the averaged prediction (its log-odds, log-probability or value),
 * the reverse strand's gradients read backwards onto the forward strand's positions; filter activations are
 * the forward strand's.
 */
final class BothStrands implements DifferentiableModel, SequenceFilterModel {
    /** Encodings whose one-hot channels are complementary in reverse order. */
    static final Set<String> ENCODINGS = Set.of("dna-one-hot", "rna-one-hot");

    private final FilterBankModel strand;

    private BothStrands(FilterBankModel strand) {
        this.strand = strand;
    }

    static Model wrap(FilterBankModel model) {
        return new BothStrands(model);
    }

    /** The network that reads one strand, e.g. for transfer learning from this model. */
    static Model unwrap(Model model) {
        Model strand = model instanceof BothStrands both ? both.strand : model;
        return strand instanceof FilterBankModel filters ? filters.network() : strand;
    }

    /** Why {@code schema}'s examples cannot be read on both strands, if they cannot. */
    static Optional<String> problem(DatasetSchema schema) {
        List<Integer> shape = schema.featureShape();
        if (!ENCODINGS.contains(schema.encoding()) || shape.size() != 2 || shape.get(1) != 4) {
            return Optional.of("strands: both needs DNA or RNA one-hot sequences of shape [length, 4] (encoding "
                    + String.join(" or ", ENCODINGS.stream().sorted().toList()) + "), got " + schema.encoding() + " " + shape);
        }
        return Optional.empty();
    }

    /** Each example of {@code batch} reverse-complemented; labels, ids and network as they are. */
    static Batch reverseComplement(Batch batch, int featureSize) {
        float[] features = batch.features();
        float[] reversed = new float[batch.size() * featureSize];
        for (int i = 0; i < batch.size(); i++) {
            int from = i * featureSize;
            for (int j = 0; j < featureSize; j++) {
                reversed[from + j] = features[from + featureSize - 1 - j];
            }
        }
        return new Batch(batch.size(), reversed, batch.labels(), batch.ids(), batch.network().orElse(null));
    }

    private int featureSize() {
        return strand.schema().featureSize();
    }

    @Override
    public DatasetSchema schema() {
        return strand.schema();
    }

    @Override
    public void epochStarted(int epoch) {
        strand.epochStarted(epoch);
    }

    /** One step on the batch and its reverse complement together: the mean loss over both strands. */
    @Override
    public double fit(Batch batch) {
        int f = featureSize();
        int l = schema().labelSize();
        int n = batch.size();
        float[] features = new float[2 * n * f];
        System.arraycopy(batch.features(), 0, features, 0, n * f);
        System.arraycopy(reverseComplement(batch, f).features(), 0, features, n * f, n * f);
        float[] labels = new float[2 * n * l];
        System.arraycopy(batch.labels(), 0, labels, 0, n * l);
        System.arraycopy(batch.labels(), 0, labels, n * l, n * l);
        return strand.fit(new Batch(2 * n, features, labels));
    }

    @Override
    public float[] predict(Batch batch) {
        float[] forward = strand.predict(batch);
        float[] reverse = strand.predict(reverseComplement(batch, featureSize()));
        for (int i = 0; i < forward.length; i++) {
            forward[i] = (forward[i] + reverse[i]) / 2;
        }
        return forward;
    }

    @Override
    public float[] inputGradients(Batch batch, int output) {
        int f = featureSize();
        int outputs = schema().labelSize();
        Batch reversed = reverseComplement(batch, f);
        float[] forward = strand.inputGradients(batch, output);
        float[] reverse = strand.inputGradients(reversed, output);
        float[] forwardPrediction = strand.predict(batch);
        float[] reversePrediction = strand.predict(reversed);
        for (int e = 0; e < batch.size(); e++) {
            double pf = forwardPrediction[e * outputs + output];
            double pr = reversePrediction[e * outputs + output];
            double[] weights = strandWeights(pf, pr);
            int from = e * f;
            for (int j = 0; j < f; j++) {
                // the reverse strand's feature f - 1 - j is the forward strand's feature j
                forward[from + j] = (float) (weights[0] * forward[from + j] + weights[1] * reverse[from + f - 1 - j]);
            }
        }
        return forward;
    }

    /**
     * The weights of the forward and reverse strands' score gradients in the gradient of the averaged
     * prediction's score, by the chain rule through P = (pf + pr) / 2: for log-odds (dp = p(1-p) ds)
     * p(1-p) / 2P(1-P) each, for log-probabilities (dp = p ds) p / 2P each, for values 1/2 each.
     * A prediction saturated in float falls back to halves, the gradient of the mean score.
     */
    private double[] strandWeights(double pf, double pr) {
        double mean = (pf + pr) / 2;
        double denominator;
        double wf;
        double wr;
        switch (schema().task()) {
            case BINARY, MULTILABEL -> {
                wf = pf * (1 - pf);
                wr = pr * (1 - pr);
                denominator = 2 * mean * (1 - mean);
            }
            case MULTICLASS -> {
                wf = pf;
                wr = pr;
                denominator = 2 * mean;
            }
            default -> {
                wf = 1;
                wr = 1;
                denominator = 2;
            }
        }
        return denominator > 0 ? new double[] {wf / denominator, wr / denominator} : new double[] {0.5, 0.5};
    }

    @Override
    public int filterCount() {
        return strand.filterCount();
    }

    @Override
    public int filterWidth() {
        return strand.filterWidth();
    }

    @Override
    public float[] filterActivations(Batch batch) {
        return strand.filterActivations(batch);
    }

    @Override
    public double loss(Batch batch) {
        return (strand.loss(batch) + strand.loss(reverseComplement(batch, featureSize()))) / 2;
    }

    @Override
    public ModelState snapshot() {
        return strand.snapshot();
    }

    @Override
    public void restore(ModelState state) {
        strand.restore(state);
    }

    @Override
    public void save(Path directory) throws IOException {
        strand.save(directory);
    }

    @Override
    public long parameterCount() {
        return strand.parameterCount();
    }

    @Override
    public String summary() {
        return "both strands (reverse-complement averaging) of:\n" + strand.summary();
    }

    @Override
    public void close() {
        strand.close();
    }
}
