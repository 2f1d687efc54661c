package org.genomod.core.internal.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.core.internal.spec.TransformSpec;

/**
 * A supervised feature filter: keeps the {@code top} features most associated with one output on the
 * training split, so that a sparse signal (3 causal SNPs among 28,501) is not drowned by noise features a
 * few hundred training records cannot rule out. Fitted on the training split alone and stored in the
 * model card, like {@link Standardizer}, so validation and test labels never choose features and
 * prediction keeps the same ones.
 *
 * <p>Association is n·r²: the squared Pearson correlation of the feature with the output times the
 * number of training records where both are observed (NaN values are left out pairwise). For 0/1/2
 * genotypes and a 0/1 outcome that is the Cochran-Armitage trend test's chi-square (1 df). Ties keep the
 * lower feature index, so a fit is deterministic. The kept features stay in their original order.
 *
 * <p>On joined inputs the filter applies to one named input: that input's segment shrinks to the kept
 * features and the segments after it move up, so a multimodal model still finds each input's features.
 * The schema's other attributes, feature digests included, stay those of the source features: they say
 * which columns the kept indices refer to.
 */
final class FeatureSelection {
    static final String KEY = "select";
    /** Schema attribute that may name each feature of a one-dimensional input. */
    static final String FEATURE_NAMES = "feature_names";

    private final TransformSpec.Selection spec;
    /** The input filtered, or {@code null} for an unjoined example. */
    private final String input;
    private final String output;
    /** Features of the source: the filtered input's, or the whole example's. */
    private final int sourceSize;
    /** Kept feature indices within the source, ascending. */
    private final int[] kept;
    /** n·r² of each kept feature, in the order of {@link #kept}. */
    private final double[] statistics;

    private FeatureSelection(TransformSpec.Selection spec, String input, String output, int sourceSize, int[] kept,
                             double[] statistics) {
        this.spec = spec;
        this.input = input;
        this.output = output;
        this.sourceSize = sourceSize;
        this.kept = kept;
        this.statistics = statistics;
    }

    /** Scores every source feature against the output over the records of {@code train} and keeps the best. */
    static FeatureSelection fit(TransformSpec.Selection spec, Dataset train) {
        DatasetSchema schema = train.schema();
        Segment segment = Segment.of(schema, spec);
        int column = outputColumn(schema, spec.output());
        double[] score = association(train, segment, column);
        Integer[] order = new Integer[segment.size];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        // highest statistic first; equal statistics (e.g. two constant features) by index, so refits agree
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int[] kept = new int[spec.top()];
        for (int k = 0; k < kept.length; k++) {
            kept[k] = order[k];
        }
        Arrays.sort(kept);
        double[] statistics = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            statistics[k] = score[kept[k]];
        }
        return new FeatureSelection(spec, segment.name, schema.outputs().get(column), segment.size, kept, statistics);
    }

    /** The filter as recorded in a model card's {@code preprocessing}, if it has one. */
    @SuppressWarnings("unchecked")
    static Optional<FeatureSelection> fromCard(Map<String, Object> preprocessing) {
        if (!(preprocessing.get(KEY) instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        List<Number> indices = (List<Number>) m.get("indices");
        List<Number> stats = (List<Number>) m.get("statistics");
        int[] kept = indices.stream().mapToInt(Number::intValue).toArray();
        double[] statistics = stats.stream().mapToDouble(Number::doubleValue).toArray();
        String input = (String) m.get("input");
        TransformSpec.Selection spec = new TransformSpec.Selection(kept.length, (String) m.get("by"), (String) m.get("output"), input);
        return Optional.of(new FeatureSelection(spec, input, (String) m.get("output"), ((Number) m.get("source_size")).intValue(),
                kept, statistics));
    }

    /**
     * For the model card and metrics.json: method, output, input, the source's feature count, the kept
     * indices (0-based within the source) with their statistics and, where {@code source} (the schema fitted
     * on, or {@code null}) names features, names.
     */
    Map<String, Object> toCard(DatasetSchema source) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("by", spec.by());
        values.put("output", output);
        if (input != null) {
            values.put("input", input);
        }
        values.put("source_size", sourceSize);
        values.put("indices", Arrays.stream(kept).boxed().toList());
        values.put("statistics", Arrays.stream(statistics).boxed().toList());
        if (source != null) {
            names(source).ifPresent(names -> values.put("names", Arrays.stream(kept).mapToObj(names::get).toList()));
        }
        return values;
    }

    /** The kept features' names, if the source schema lists one name per feature. */
    private Optional<List<String>> names(DatasetSchema source) {
        Map<?, ?> attributes = input == null ? source.attributes() : Segment.of(source, spec).attributes;
        if (attributes.get(FEATURE_NAMES) instanceof List<?> names && names.size() == sourceSize) {
            return Optional.of(names.stream().map(String::valueOf).toList());
        }
        return Optional.empty();
    }

    /** {@code data} with only the kept features of the filtered input; its schema rewritten to match. */
    Dataset apply(Dataset data) {
        DatasetSchema source = data.schema();
        Segment segment = Segment.of(source, spec);
        if (segment.size != sourceSize) {
            throw new IllegalArgumentException("the feature selection was fitted on " + sourceSize + " features"
                    + (input == null ? "" : " of input '" + input + "'") + ", the data has " + segment.size);
        }
        DatasetSchema schema = schema(source, spec);
        int width = source.featureSize();
        int[] gather = new int[schema.featureSize()];
        int g = 0;
        for (int j = 0; j < segment.offset; j++) {
            gather[g++] = j;
        }
        for (int k : kept) {
            gather[g++] = segment.offset + k;
        }
        for (int j = segment.offset + segment.size; j < width; j++) {
            gather[g++] = j;
        }
        return new TransformedDataset(data, schema) {
            @Override
            public void features(int index, float[] dest, int offset) {
                float[] row = new float[width]; // per call: models may read examples from several threads
                source.features(index, row, 0);
                for (int j = 0; j < gather.length; j++) {
                    dest[offset + j] = row[gather[j]];
                }
            }
        };
    }

    /**
     * The schema of selected examples, known before fitting: the filtered input (or the whole example)
     * becomes {@code top} features; joined segments after it move up.
     *
     * @throws IllegalArgumentException when the selection does not fit the data, naming why
     */
    static DatasetSchema schema(DatasetSchema source, TransformSpec.Selection spec) {
        Segment segment = Segment.of(source, spec);
        outputColumn(source, spec.output());
        if (spec.top() > segment.size) {
            throw new IllegalArgumentException("data.transform.select.top is " + spec.top() + " but "
                    + (segment.name == null ? "the data has" : "input '" + segment.name + "' has") + " only " + segment.size + " features");
        }
        int removed = segment.size - spec.top();
        if (segment.name == null) {
            return new DatasetSchema(List.of(spec.top()), source.encoding(), source.task(), source.outputs(), source.attributes());
        }
        List<Map<String, Object>> segments = new ArrayList<>();
        int offset = 0;
        for (Map<?, ?> s : JoinedDataset.segments(source)) {
            Map<String, Object> copy = new LinkedHashMap<>();
            s.forEach((k, v) -> copy.put(String.valueOf(k), v));
            int size = ((Number) s.get("size")).intValue();
            if (segment.name.equals(s.get("name"))) {
                size = spec.top();
                copy.put("shape", List.of(size));
            }
            copy.put("offset", offset);
            copy.put("size", size);
            segments.add(copy);
            offset += size;
        }
        Map<String, Object> attributes = new LinkedHashMap<>(source.attributes());
        attributes.put(JoinedDataset.INPUTS, segments);
        return new DatasetSchema(List.of(source.featureSize() - removed), source.encoding(), source.task(), source.outputs(),
                attributes);
    }

    /** n·r² of each source feature with the output column, over the records where both are observed. */
    private static double[] association(Dataset train, Segment segment, int column) {
        int n = segment.size;
        double[] count = new double[n];
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        double[] sumXX = new double[n];
        double[] sumYY = new double[n];
        double[] sumXY = new double[n];
        float[] row = new float[train.schema().featureSize()];
        float[] labels = new float[train.schema().labelSize()];
        for (int i = 0; i < train.size(); i++) {
            train.labels(i, labels, 0);
            double y = labels[column];
            if (Double.isNaN(y)) {
                continue;
            }
            train.features(i, row, 0);
            for (int j = 0; j < n; j++) {
                double x = row[segment.offset + j];
                if (!Double.isNaN(x)) {
                    count[j]++;
                    sumX[j] += x;
                    sumY[j] += y;
                    sumXX[j] += x * x;
                    sumYY[j] += y * y;
                    sumXY[j] += x * y;
                }
            }
        }
        double[] score = new double[n];
        for (int j = 0; j < n; j++) {
            double c = count[j];
            double sxx = sumXX[j] - sumX[j] * sumX[j] / c;
            double syy = sumYY[j] - sumY[j] * sumY[j] / c;
            double sxy = sumXY[j] - sumX[j] * sumY[j] / c;
            // a feature or output without variation among these records says nothing: 0, not NaN
            score[j] = c >= 2 && sxx > 1e-12 * c && syy > 1e-12 * c ? c * (sxy * sxy) / (sxx * syy) : 0;
        }
        return score;
    }

    private static int outputColumn(DatasetSchema schema, String output) {
        if (output == null) {
            if (schema.outputs().size() != 1) {
                throw new IllegalArgumentException("data.transform.select: the data has outputs " + schema.outputs()
                        + "; name the one to score features against with output");
            }
            return 0;
        }
        int column = schema.outputs().indexOf(output);
        if (column < 0) {
            throw new IllegalArgumentException("data.transform.select.output: the data has no output '" + output
                    + "' (outputs: " + schema.outputs() + ")");
        }
        return column;
    }

    /** Where the filtered features lie in an example: a joined input's segment, or the whole example. */
    private record Segment(String name, int offset, int size, Map<?, ?> attributes) {
        static Segment of(DatasetSchema schema, TransformSpec.Selection spec) {
            List<Map<?, ?>> segments = JoinedDataset.segments(schema);
            if (segments.isEmpty()) {
                oneDimensional(schema.featureShape(), "the data");
                return new Segment(null, 0, schema.featureSize(), schema.attributes());
            }
            if (spec.input() == null) {
                throw new IllegalArgumentException("data.transform.select: the job joins inputs "
                        + segments.stream().map(s -> s.get("name")).toList() + "; name the one to filter with input");
            }
            for (Map<?, ?> s : segments) {
                if (spec.input().equals(s.get("name"))) {
                    List<Integer> shape = ((List<?>) s.get("shape")).stream().map(d -> ((Number) d).intValue()).toList();
                    oneDimensional(shape, "input '" + spec.input() + "'");
                    Map<?, ?> attributes = s.get("attributes") instanceof Map<?, ?> a ? a : Map.of();
                    return new Segment(spec.input(), ((Number) s.get("offset")).intValue(), ((Number) s.get("size")).intValue(),
                            attributes);
                }
            }
            throw new IllegalArgumentException("data.transform.select.input: no input is named '" + spec.input() + "' (inputs: "
                    + segments.stream().map(s -> s.get("name")).toList() + ")");
        }

        private static void oneDimensional(List<Integer> shape, String what) {
            if (shape.size() != 1) {
                throw new IllegalArgumentException("data.transform.select keeps single features, so it needs one value per "
                        + "feature, but " + what + " has examples of shape " + shape);
            }
        }
    }
}
