package org.genomod.interpret.motifs.internal;

import java.util.List;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.SequenceFilterModel;
import org.genomod.testing.FixedModel;
import org.genomod.api.model.SequenceFilterModel;

/**
 * A first layer of hand-set filters with ReLU: filter k scores +1 for every base that matches
 * {@code words[k]} and -3 for every mismatch ('N' in a word matches nothing and costs nothing), plus a bias.
 */
final class PwmFilterModel extends FixedModel implements SequenceFilterModel {
    private final String[] words;
    private final double[] biases;

    PwmFilterModel(int length, String[] words, double[] biases) {
        super(new DatasetSchema(List.of(length, 4), "dna-one-hot", TaskType.BINARY, List.of("bound"), null));
        this.words = words;
        this.biases = biases;
    }

    @Override public int filterCount() { return words.length; }
    @Override public int filterWidth() { return words[0].length(); }

    @Override
    public float[] filterActivations(Batch batch) {
        int length = schema().featureShape().get(0);
        int width = filterWidth();
        int windows = length - width + 1;
        float[] out = new float[batch.size() * windows * words.length];
        float[] x = batch.features();
        for (int s = 0; s < batch.size(); s++) {
            for (int w = 0; w < windows; w++) {
                for (int f = 0; f < words.length; f++) {
                    double z = biases[f];
                    for (int j = 0; j < width; j++) {
                        int base = "ACGT".indexOf(words[f].charAt(j));
                        if (base >= 0) {
                            int row = (s * length + w + j) * 4;
                            z += x[row + base] == 1f ? 1 : -3;
                        }
                    }
                    out[(s * windows + w) * words.length + f] = (float) Math.max(0, z);
                }
            }
        }
        return out;
    }

    @Override public float[] predict(Batch batch) { throw new UnsupportedOperationException(); }
    @Override public String summary() { return "hand-set filters"; }
}
