package org.genomod.model.autoencoder.internal;

import java.util.List;
import org.genomod.api.model.Batch;

/**
 * A batch as the networks see it. The values the features show are the inputs; the targets are every
 * value known for an example: its labels (a reconstruction dataset's labels are values, NaN where there
 * is none to score, e.g. reader-expression's hidden values) and, where no label is given, the values its
 * features show. Missing values are no target: the loss weighs each entry by its {@code known} flag.
 *
 * <p>Read in the reader's units, then {@linkplain #scale scaled} per gene in place.
 */
final class ReconstructionBatch {
    private static final float SAME_VALUE_TOLERANCE = 1e-5f;

    final int size;
    final int genes;
    /** {@code size × genes}, 0 where the features do not show the value. */
    final float[] values;
    /** 1 where the features show the value. */
    final float[] observed;
    /** {@code size × genes}, 0 where unknown; {@code null} for a batch without labels. */
    final float[] targets;
    /** 1 where the target is known. */
    final float[] known;

    private ReconstructionBatch(int size, int genes, float[] values, float[] observed, float[] targets, float[] known) {
        this.size = size;
        this.genes = genes;
        this.values = values;
        this.observed = observed;
        this.targets = targets;
        this.known = known;
    }

    /**
     * @param withTargets whether to read the labels; a batch without labels then has its observed values as
     *                    targets (prediction needs none)
     * @throws IllegalArgumentException when a label and the value the features show for it differ: the features
     *                                  are then not in the labels' units (e.g. standardised by the platform)
     */
    static ReconstructionBatch read(Batch batch, FeatureLayout layout, boolean withTargets) {
        int size = batch.size();
        int genes = layout.genes();
        float[] features = batch.features();
        float[] labels = withTargets ? batch.labels() : null;
        if (withTargets && labels == null) {
            throw new IllegalArgumentException("the batch has no labels");
        }
        float[] values = new float[size * genes];
        float[] observed = new float[size * genes];
        float[] targets = withTargets ? new float[size * genes] : null;
        float[] known = withTargets ? new float[size * genes] : null;
        for (int e = 0; e < size; e++) {
            for (int g = 0; g < genes; g++) {
                int i = e * genes + g;
                boolean shown = layout.observed(features, e, g);
                float value = shown ? layout.value(features, e, g) : 0f;
                values[i] = value;
                observed[i] = shown ? 1f : 0f;
                if (!withTargets) {
                    continue;
                }
                float label = labels[i];
                if (!Float.isNaN(label)) {
                    if (shown && !same(label, value)) {
                        throw new IllegalArgumentException(differentUnits(batch.ids(), e, g, value, label));
                    }
                    targets[i] = label;
                    known[i] = 1f;
                } else if (shown) {
                    targets[i] = value;
                    known[i] = 1f;
                }
            }
        }
        return new ReconstructionBatch(size, genes, values, observed, targets, known);
    }

    private static boolean same(float label, float value) {
        return Math.abs(label - value) <= SAME_VALUE_TOLERANCE * Math.max(1f, Math.abs(label));
    }

    private static String differentUnits(List<String> ids, int example, int gene, float value, float label) {
        String which = ids.isEmpty() ? "example " + example : "example '" + ids.get(example) + "'";
        return which + ", output " + gene + ": the features show " + value + " where the label is " + label
                + "; the autoencoder reconstructs its features, so they must be in the labels' units. Drop "
                + "data.transform: standardize (the family scales each gene itself)";
    }

    /** Scales values and targets in place; missing values stay 0, the gene's centre. */
    void scale(GeneCalibration calibration) {
        for (int e = 0; e < size; e++) {
            for (int g = 0; g < genes; g++) {
                int i = e * genes + g;
                if (observed[i] != 0f) {
                    values[i] = calibration.scaled(g, values[i]);
                }
                if (known != null && known[i] != 0f) {
                    targets[i] = calibration.scaled(g, targets[i]);
                }
            }
        }
    }

    /**
     * Each entry's weight in the loss: 0 where the target is unknown, 1 where it is known but the input does
     * not show it (hidden, missing with a label, or corrupted away), {@code visibleWeight} where the input shows it.
     */
    float[] weights(float[] shown, double visibleWeight) {
        float[] weights = new float[known.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = known[i] == 0f ? 0f : shown[i] != 0f ? (float) visibleWeight : 1f;
        }
        return weights;
    }

    /** The encoder's input: the scaled values, followed by the observed flags when the encoder reads them. */
    float[] networkInput(float[] shownValues, float[] shownFlags, boolean withFlags) {
        if (!withFlags) {
            return shownValues;
        }
        float[] input = new float[size * genes * 2];
        for (int e = 0; e < size; e++) {
            System.arraycopy(shownValues, e * genes, input, e * genes * 2, genes);
            System.arraycopy(shownFlags, e * genes, input, e * genes * 2 + genes, genes);
        }
        return input;
    }
}
