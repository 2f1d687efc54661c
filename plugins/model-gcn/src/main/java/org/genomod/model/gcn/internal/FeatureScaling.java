package org.genomod.model.gcn.internal;

import org.genomod.api.data.Network;

/**
 * Centring and scaling of node-feature columns. Node features are fixed inputs known for every node, so
 * the statistics are taken over all nodes of the training network (labelled or not, in any split): this
 * uses no labels. The model keeps them and applies the same transform to any network it predicts on.
 * The pipeline's {@code data.transform} does not reach these values, as they come from the network rather
 * than from the examples.
 *
 * @param mean  per column
 * @param scale per column: 1 / standard deviation, or 1 for a constant column
 */
record FeatureScaling(float[] mean, float[] scale) {

    static FeatureScaling identity(int columns) {
        float[] mean = new float[columns];
        float[] scale = new float[columns];
        java.util.Arrays.fill(scale, 1f);
        return new FeatureScaling(mean, scale);
    }

    /** Population mean and standard deviation of each column over every node of {@code network}. */
    static FeatureScaling fit(Network network) {
        int columns = network.featureSize();
        int nodes = network.nodes().size();
        double[] sum = new double[columns];
        double[] squares = new double[columns];
        float[] row = new float[columns];
        for (int n = 0; n < nodes; n++) {
            network.features(n, row, 0);
            for (int c = 0; c < columns; c++) {
                sum[c] += row[c];
                squares[c] += (double) row[c] * row[c];
            }
        }
        float[] mean = new float[columns];
        float[] scale = new float[columns];
        for (int c = 0; c < columns; c++) {
            double m = sum[c] / nodes;
            double sd = Math.sqrt(Math.max(0, squares[c] / nodes - m * m));
            mean[c] = (float) m;
            scale[c] = sd > 1e-12 ? (float) (1 / sd) : 1f;
        }
        return new FeatureScaling(mean, scale);
    }

    /** Every node's scaled feature row, {@code nodes × columns}; rejects non-finite values. */
    float[] apply(Network network) {
        int columns = mean.length;
        if (network.featureSize() != columns) {
            throw new IllegalArgumentException("the network carries " + network.featureSize()
                    + " features per node but the model was built for " + columns);
        }
        int nodes = network.nodes().size();
        float[] out = new float[nodes * columns];
        for (int n = 0; n < nodes; n++) {
            network.features(n, out, n * columns);
            for (int c = 0; c < columns; c++) {
                float v = out[n * columns + c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("node '" + network.nodes().get(n) + "' has a non-finite value in feature column "
                            + (c + 1) + ": " + v);
                }
                out[n * columns + c] = (v - mean[c]) * scale[c];
            }
        }
        return out;
    }
}
