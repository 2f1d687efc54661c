package org.genomod.model.cnn.internal;

import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

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
     * gradients here are), else a row-major copy in the workspace of {@code type}.
     */
    static INDArray reshaped(INDArray array, ArrayType type, LayerWorkspaceMgr workspaces, long... shape) {
        INDArray rowMajor = array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array) ? array
                : workspaces.dup(type, array, 'c');
        return workspaces.leverageTo(type, rowMajor.reshape('c', shape));
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
