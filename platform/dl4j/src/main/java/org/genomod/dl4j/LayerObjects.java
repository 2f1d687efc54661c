package org.genomod.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Deeplearning4j layer objects standing in for others of the same configuration: a family's faster implementation,
 * or the platform's {@link WeightedOutputLayer}. The configuration (and so a saved network) is unchanged; only the
 * object that computes it is.
 */
@ProviderType
public final class LayerObjects {
    private LayerObjects() {
    }

    /** {@code replacement}, given {@code stock}'s listeners, index, parameter and gradient views. */
    public static <T extends Layer> T adopt(Layer stock, T replacement) {
        replacement.setListeners(stock.getListeners());
        replacement.setIndex(stock.getIndex());
        if (stock.numParams() > 0) {
            replacement.setParamsViewArray(stock.params());
            replacement.setParamTable(stock.paramTable());
            if (stock.getGradientsViewArray() != null) {
                replacement.setBackpropGradientsViewArray(stock.getGradientsViewArray());
            }
        }
        return replacement;
    }
}
