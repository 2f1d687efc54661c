package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A preprocessor that shows activations to the next layer in another shape, and gradients back in the
 * first, as views of the same memory. Preprocessors without settings are equal when of the same class.
 *
 * <p>Subclasses are public with a constructor Jackson can call: saved networks name them, and
 * Deeplearning4j recreates them by name ({@link CnnNetworks#load} makes this bundle's classes visible).
 */
abstract class ViewPreprocessor extends BaseInputPreProcessor {
    private static final long serialVersionUID = 1L;

    /**
     * {@code array} with {@code shape}: a view when it is laid out row-major without gaps (activations and
     * gradients here are), else a row-major copy in the workspace of {@code type}. A view of activations stays in
     * the workspace of the activations it shows, where the next layer takes its input from: in inference, where
     * layers' activations take turns between two workspaces, moving it to the preprocessed layer's own workspace
     * copied it there, and the layer copied it back (two copies of the activations per preprocessor). Gradients are
     * moved to the workspace of {@code type} as before, which in training is where they already are.
     */
    static INDArray reshaped(INDArray array, ArrayType type, LayerWorkspaceMgr workspaces, long... shape) {
        if (array.ordering() == 'c' && FloatRows.plain(array)) {
            INDArray view = array.reshape('c', shape);
            return type == ArrayType.ACTIVATIONS ? view : workspaces.leverageTo(type, view);
        }
        return workspaces.leverageTo(type, workspaces.dup(type, array, 'c').reshape('c', shape));
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
