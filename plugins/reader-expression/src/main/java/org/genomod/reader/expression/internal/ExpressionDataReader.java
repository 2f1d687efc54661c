package org.genomod.reader.expression.internal;

import org.genomod.reader.support.LineSource;
import org.genomod.reader.support.OutputPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads an expression matrix (genes × samples, or transposed) into one example per sample with one
 * feature per gene. Only per-value transforms (clipping, log) happen here; per-gene standardisation
 * needs statistics of the training split, which the reader cannot see, so it is the platform's
 * {@code data.transform: standardize} step.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=expression",
    DataReader.FORMATS_PROPERTY + "=csv",
    DataReader.FORMATS_PROPERTY + "=tsv",
    DataReader.FORMATS_PROPERTY + "=gct",
    DataReader.FORMATS_PROPERTY + "=soft"})
public final class ExpressionDataReader implements DataReader {
    static final String ENCODING = "expression";

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        List<Path> inputs = new ArrayList<>(DataReader.super.inputs(parameters));
        if (parameters.has(ReaderOptions.LABELS_FILE)) {
            inputs.add(parameters.path(ReaderOptions.LABELS_FILE));
        }
        return List.copyOf(inputs);
    }

    /**
     * New inputs keep the column rules and the value transform, so genes encode as in training; what
     * named the training file's labels and groups is dropped, and the format is decided anew. A
     * reconstruction model's new inputs show every value they have (no hiding), and its genes are the
     * model's outputs rather than a new selection.
     */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        parameters.remove(ReaderOptions.FORMAT);
        ReaderOptions.LABEL_PARAMETERS.forEach(parameters::remove);
        ReaderOptions.RECONSTRUCTION_TRAINING_PARAMETERS.forEach(parameters::remove);
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        Path path = options.path();
        MatrixFormat format = options.format() != null ? options.format() : MatrixFormat.detect(path);
        options.checkFormat(format);

        RowCollector rows = new RowCollector();
        MatrixParser.Summary summary;
        try (LineSource lines = LineSource.open(path)) {
            MatrixParser.Rules rules = new MatrixParser.Rules(options.idColumn(), options.ignoreColumns(), false,
                    options.missing() != ReaderOptions.Missing.ERROR, options.transform(), options.rowKind(),
                    options.columnKind());
            summary = new MatrixParser(lines, format, rules, context.cancellation()).parse(rows);
        }
        List<String> samples = options.samplesByGenes() ? rows.ids : summary.columns();
        List<String> genes = options.samplesByGenes() ? summary.columns() : rows.ids;

        SampleAnnotations annotations = SampleAnnotations.of(options, summary, samples);
        float[][] matrix = rows.rows.toArray(float[][]::new);
        if (options.reconstructs()) {
            return reconstruction(options, format, matrix, samples, genes, annotations, context);
        }
        boolean labelled = labelled(options, annotations, samples, context);
        OutputPlan plan = OutputPlan.resolve(options.task(), options.positive(), context.outputs(),
                labelled ? annotations.classes() : Map.of(), annotations.source() != null ? annotations.source() : path);

        DatasetSchema schema = new DatasetSchema(featureShape(options, genes.size()), ENCODING, plan.task(), plan.outputs(),
                attributes(options, format, genes));
        int k = plan.outputs().size();
        float[] labels = new float[labelled ? samples.size() * k : 0];
        if (labelled) {
            for (int i = 0; i < samples.size(); i++) {
                System.arraycopy(plan.labels(annotations.labels()[i]), 0, labels, i * k, k);
            }
        }
        return new ExpressionDataset(schema, matrix, options.samplesByGenes(), GeneSelection.all(genes.size()),
                samples.toArray(String[]::new), annotations.groups(), labels, labelled, fill(options), options.mask(),
                HiddenEntries.none());
    }

    /**
     * {@code task: reconstruction}: one regression output per kept gene, whose labels are the values themselves
     * (with {@code mask_fraction}, only the hidden ones). A trained model's outputs name the genes to keep.
     */
    private static Dataset reconstruction(ReaderOptions options, MatrixFormat format, float[][] matrix, List<String> samples,
                                          List<String> genes, SampleAnnotations annotations, ReadContext context)
            throws InputFormatException {
        Reconstruction r = options.reconstruction();
        HiddenEntries hidden = HiddenEntries.of(r.maskFraction(), r.maskSeed(), samples, genes);
        boolean byRow = options.samplesByGenes();
        GeneSelection.Values values = byRow ? (s, g) -> matrix[s][g] : (s, g) -> matrix[g][s];
        int[] kept = context.expectedOutputs().isPresent()
                ? GeneSelection.byName(genes, context.outputs(), options.path())
                : GeneSelection.mostVariable(r.topVariableGenes(), genes.size(), samples.size(), values, hidden);
        List<String> keptGenes = Arrays.stream(kept).mapToObj(genes::get).toList();

        Map<String, Object> attributes = attributes(options, format, keptGenes);
        attributes.put(ReaderOptions.RECONSTRUCTION, true);
        attributes.put(ReaderOptions.MASK_FRACTION, r.maskFraction());
        attributes.put(ReaderOptions.MASK_SEED, r.maskSeed());
        attributes.put(ReaderOptions.TOP_VARIABLE_GENES, r.topVariableGenes());
        attributes.put("hidden_values", hiddenValues(kept, samples.size(), values, hidden));
        DatasetSchema schema = new DatasetSchema(featureShape(options, kept.length), ENCODING, TaskType.REGRESSION, keptGenes,
                attributes);
        return new ExpressionDataset(schema, matrix, byRow, kept, samples.toArray(String[]::new), annotations.groups(),
                null, true, fill(options), options.mask(), hidden);
    }

    private static long hiddenValues(int[] genes, int samples, GeneSelection.Values values, HiddenEntries hidden) {
        long count = 0;
        for (int gene : genes) {
            for (int s = 0; s < samples; s++) {
                count += !Float.isNaN(values.value(s, gene)) && hidden.hidden(s, gene) ? 1 : 0;
            }
        }
        return count;
    }

    private static List<Integer> featureShape(ReaderOptions options, int genes) {
        return options.mask() ? List.of(genes, 2) : List.of(genes);
    }

    private static float fill(ReaderOptions options) {
        return options.missing() == ReaderOptions.Missing.ZERO ? 0f : Float.NaN;
    }

    /**
     * Training needs every sample labelled; prediction takes labels when every sample has one.
     */
    private static boolean labelled(ReaderOptions options, SampleAnnotations annotations, List<String> samples,
                                    ReadContext context) throws InputFormatException {
        if (annotations.source() == null) {
            if (context.labelsRequired()) {
                throw new InputFormatException(options.path(), 0, "training needs sample labels: give labels_file "
                        + "(a table of sample labels) or, for a GEO SOFT file, label_subset_type");
            }
            return false;
        }
        int missing = annotations.unlabelled();
        if (missing > 0 && context.labelsRequired()) {
            String sample = samples.get(annotations.firstUnlabelled());
            String where = options.labelsFile() != null
                    ? "is not labelled in " + options.labelsFile()
                    : "is in no subset of type '" + options.labelSubsetType() + "'";
            throw new InputFormatException(options.path(), 0, "sample '" + sample + "' " + where + "; " + missing
                    + " of " + samples.size() + " samples have no label");
        }
        return missing == 0;
    }

    private static Map<String, Object> attributes(ReaderOptions options, MatrixFormat format, List<String> genes) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("format", format.id());
        attributes.put("orientation", options.samplesByGenes() ? ReaderOptions.SAMPLES_BY_GENES : ReaderOptions.GENES_BY_SAMPLES);
        attributes.put("genes", genes.size());
        attributes.put("feature_digest", digest(genes));
        attributes.put("log_transform", options.transform().log().id());
        if (Double.isFinite(options.transform().min())) {
            attributes.put("clip_min", options.transform().min());
        }
        if (Double.isFinite(options.transform().max())) {
            attributes.put("clip_max", options.transform().max());
        }
        attributes.put("missing", options.missing().id());
        attributes.put("mask", options.mask());
        return attributes;
    }

    /** SHA-256 of the gene ids in feature order, one per line: equal digests mean equal feature columns. */
    static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Keeps each row's values (the dataset's memory) and its id. */
    private static final class RowCollector implements MatrixParser.Sink {
        private final List<String> ids = new ArrayList<>();
        private final List<float[]> rows = new ArrayList<>();

        @Override
        public void columns(List<String> names) {
        }

        @Override
        public void row(String id, long line, float[] values) {
            ids.add(id);
            rows.add(values.clone());
        }
    }
}
