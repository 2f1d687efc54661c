package org.genomod.reader.expression.internal;

import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.Parameters;

/**
 * {@code task: reconstruction}: the labels are the expression values themselves, for autoencoders and
 * imputation. With a {@code maskFraction}, a seeded part of the observed values is hidden from the
 * features and kept as the labels, so that a model is scored on values it never saw.
 *
 * @param maskFraction     the probability that an observed value is hidden, 0 for none
 * @param maskSeed         decides, with the sample and gene ids, which values are hidden
 * @param topVariableGenes how many of the most variable genes to keep, 0 for all
 */
record Reconstruction(double maskFraction, int maskSeed, int topVariableGenes) {

    static Reconstruction of(Parameters parameters, Path labelsFile, String labelSubsetType, Path path)
            throws InputFormatException {
        for (String labelling : new String[] {ReaderOptions.LABEL_COLUMN, ReaderOptions.POSITIVE}) {
            if (parameters.has(labelling)) {
                throw new InputFormatException(path, 0, "task reconstruction takes its labels from the matrix; "
                        + labelling + " does not apply");
            }
        }
        if (labelSubsetType != null) {
            throw new InputFormatException(path, 0, "task reconstruction takes its labels from the matrix; "
                    + ReaderOptions.LABEL_SUBSET_TYPE + " does not apply (group_subset_type may still give groups)");
        }
        if (labelsFile != null && !parameters.has(ReaderOptions.GROUP_COLUMN)) {
            throw new InputFormatException(path, 0, "task reconstruction reads labels_file only for groups; "
                    + "name its group_column, or drop labels_file");
        }
        return new Reconstruction(parameters.number(ReaderOptions.MASK_FRACTION), parameters.integer(ReaderOptions.MASK_SEED),
                parameters.integer(ReaderOptions.TOP_VARIABLE_GENES));
    }

    /** Outside {@code task: reconstruction} the reconstruction options mean nothing: refuses them, returns null. */
    static Reconstruction refuseOptions(Parameters parameters, Path path) throws InputFormatException {
        for (String option : new String[] {ReaderOptions.MASK_FRACTION, ReaderOptions.TOP_VARIABLE_GENES}) {
            if (parameters.number(option) != 0) {
                throw new InputFormatException(path, 0, option + " needs task: reconstruction (labels that are the "
                        + "values themselves)");
            }
        }
        return null;
    }

    boolean hides() {
        return maskFraction > 0;
    }
}
