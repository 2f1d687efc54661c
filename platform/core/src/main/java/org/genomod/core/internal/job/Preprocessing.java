package org.genomod.core.internal.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.core.internal.spec.TransformSpec;

/**
 * The spec's {@code data.transform} fitted on a training split: feature selection, then standardisation
 * of the kept features. Training fits it once on the training split and once per model-selection fold;
 * the model card keeps it so that prediction repeats it.
 */
final class Preprocessing {
    private static final Preprocessing NONE = new Preprocessing(null, null, null);

    private final FeatureSelection selection;
    private final Standardizer standardizer;
    /** The unselected schema the selection was fitted on, for feature names; {@code null} when read from a card. */
    private final DatasetSchema source;

    private Preprocessing(FeatureSelection selection, Standardizer standardizer, DatasetSchema source) {
        this.selection = selection;
        this.standardizer = standardizer;
        this.source = source;
    }

    /** Fits every transform of {@code spec} on {@code train}, each on the output of the one before. */
    static Preprocessing fit(TransformSpec spec, Dataset train) {
        if (spec.isIdentity()) {
            return NONE;
        }
        FeatureSelection selection = spec.select() == null ? null : FeatureSelection.fit(spec.select(), train);
        Dataset selected = selection == null ? train : selection.apply(train);
        Standardizer standardizer = spec.standardize() ? Standardizer.fit(selected) : null;
        return new Preprocessing(selection, standardizer, train.schema());
    }

    /** The transforms a model card records (none: an empty map, as before feature selection existed). */
    static Preprocessing fromCard(Map<String, Object> preprocessing) {
        return new Preprocessing(FeatureSelection.fromCard(preprocessing).orElse(null),
                Standardizer.fromCard(preprocessing).orElse(null), null);
    }

    /**
     * The schema a model of {@code spec}'s transformed data takes, known before anything is fitted.
     *
     * @throws IllegalArgumentException when the transform does not fit the data, naming why
     */
    static DatasetSchema schema(TransformSpec spec, DatasetSchema source) {
        return spec.select() == null ? source : FeatureSelection.schema(source, spec.select());
    }

    Dataset apply(Dataset data) {
        return standardize(select(data));
    }

    /** The first step alone: the kept features (all without a selection), for checks on the selected schema. */
    Dataset select(Dataset data) {
        return selection == null ? data : selection.apply(data);
    }

    /** The second step alone, on {@link #select}'s output. */
    Dataset standardize(Dataset selected) {
        return standardizer == null ? selected : standardizer.apply(selected);
    }

    /** The model card's {@code preprocessing} entry. */
    Map<String, Object> toCard() {
        Map<String, Object> card = new LinkedHashMap<>();
        if (selection != null) {
            card.put(FeatureSelection.KEY, selection.toCard(source));
        }
        if (standardizer != null) {
            card.putAll(standardizer.toCard());
        }
        return card;
    }

    /**
     * metrics.json {@code data.transform}: the spec's text for the plain forms, as before; with a selection,
     * the spec and the selected features.
     */
    Object describe(TransformSpec spec) {
        if (selection == null) {
            return spec.text();
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("spec", spec.text());
        described.put(FeatureSelection.KEY, selection.toCard(source));
        described.put(TransformSpec.STANDARDIZE, standardizer != null);
        return described;
    }
}
