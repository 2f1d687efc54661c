package org.genomod.reader.expression.internal;

import org.genomod.reader.support.OutputPlan;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/**
 * The reader's parameters: their declaration and their validated, typed values.
 *
 * @param format   {@code null} to decide by the file's name, then its first line
 * @param idColumn {@code null} for the format's default (first column; GCT Name; SOFT ID_REF)
 */
record ReaderOptions(Path path, MatrixFormat format, boolean samplesByGenes, String idColumn, Set<String> ignoreColumns,
                     Path labelsFile, String labelColumn, String groupColumn, String labelSubsetType,
                     String groupSubsetType, OutputPlan.TaskChoice task, String positive, ValueTransform transform,
                     Missing missing, boolean mask, Reconstruction reconstruction) {

    /** What a missing cell becomes. */
    enum Missing {
        /** Missing cells are an error. */
        ERROR,
        /** NaN: {@code data.transform: standardize} fills in the training split's mean. */
        NAN,
        ZERO;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String FORMAT = "format";
    static final String ORIENTATION = "orientation";
    static final String ID_COLUMN = "id_column";
    static final String IGNORE_COLUMNS = "ignore_columns";
    static final String LABELS_FILE = "labels_file";
    static final String LABEL_COLUMN = "label_column";
    static final String GROUP_COLUMN = "group_column";
    static final String LABEL_SUBSET_TYPE = "label_subset_type";
    static final String GROUP_SUBSET_TYPE = "group_subset_type";
    static final String TASK = "task";
    static final String POSITIVE = "positive";
    static final String LOG_TRANSFORM = "log_transform";
    static final String CLIP_MIN = "clip_min";
    static final String CLIP_MAX = "clip_max";
    static final String MISSING = "missing";
    static final String MASK = "mask";
    static final String RECONSTRUCTION = "reconstruction";
    static final String MASK_FRACTION = "mask_fraction";
    static final String MASK_SEED = "mask_seed";
    static final String TOP_VARIABLE_GENES = "top_variable_genes";
    static final String GENES_BY_SAMPLES = "genes_by_samples";
    static final String SAMPLES_BY_GENES = "samples_by_genes";

    /** The parameters that describe the training file's labels and groups, dropped for prediction. */
    static final List<String> LABEL_PARAMETERS = List.of(LABELS_FILE, LABEL_COLUMN, GROUP_COLUMN, LABEL_SUBSET_TYPE,
            GROUP_SUBSET_TYPE);
    /**
     * The parameters that shape a reconstruction training set, dropped for prediction: a new file shows every
     * value it has, and its genes are the model's outputs.
     */
    static final List<String> RECONSTRUCTION_TRAINING_PARAMETERS = List.of(MASK_FRACTION, MASK_SEED, TOP_VARIABLE_GENES);

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "expression matrix: CSV or TSV with a header line, GCT 1.2, or GEO dataset (GDS) SOFT; plain or gzip")
            .choice(FORMAT, "auto", List.of("auto", "csv", "tsv", "gct", "soft"),
                    "auto: by extension (.csv, .tsv/.tab/.txt, .gct, .soft, each optionally .gz), else by the first line")
            .choice(ORIENTATION, GENES_BY_SAMPLES, List.of(GENES_BY_SAMPLES, SAMPLES_BY_GENES),
                    "CSV/TSV only: genes_by_samples: a row per gene, a column per sample; samples_by_genes: transposed")
            .optional(ID_COLUMN, ParameterType.STRING, null,
                    "the column of row ids (CSV/TSV default: the first column; GCT: Name; SOFT: ID_REF)")
            .optional(IGNORE_COLUMNS, ParameterType.STRING_LIST, List.of(),
                    "columns that hold neither ids nor values, e.g. descriptions or detection calls; every column of each name")
            .optional(LABELS_FILE, ParameterType.PATH, null,
                    "side table of sample labels: header line, sample id in the first column; CSV or TSV")
            .optional(LABEL_COLUMN, ParameterType.STRING, null, "the labels_file column of labels (default: its second column)")
            .optional(GROUP_COLUMN, ParameterType.STRING, null,
                    "a labels_file column of groups kept apart by split method groups (e.g. batch, patient)")
            .optional(LABEL_SUBSET_TYPE, ParameterType.STRING, null,
                    "SOFT only: the subset type whose descriptions are the labels, e.g. 'disease state'")
            .optional(GROUP_SUBSET_TYPE, ParameterType.STRING, null,
                    "SOFT only: the subset type whose descriptions are the groups, e.g. 'individual'")
            .choice(TASK, "auto", List.of("auto", "binary", "multiclass", RECONSTRUCTION),
                    "auto: binary when positive is given and there are two classes, else multiclass; reconstruction: "
                            + "the labels are the sample's own values (regression, one output per gene)")
            .optional(POSITIVE, ParameterType.STRING, null, "the positive class of a binary task (default 1 for 0/1 labels)")
            .choice(LOG_TRANSFORM, "none", List.of("none", "log2", "log2p1"),
                    "per value, after clipping: log2(x) needs x > 0, log2p1 is log2(x + 1) and needs x > -1")
            .add(new Parameter(CLIP_MIN, ParameterType.NUMBER, false, null, "values below become this (before the log)", null, null, null))
            .add(new Parameter(CLIP_MAX, ParameterType.NUMBER, false, null, "values above become this (before the log)", null, null, null))
            .choice(MISSING, "error", List.of("error", "nan", "zero"),
                    "missing cells (empty, NA, NaN, null): error; nan (data.transform: standardize fills in the "
                            + "training mean); zero")
            .flag(MASK, false, "add an observed channel: features [genes, 2] = (value, 1 if observed else 0)")
            .number(MASK_FRACTION, 0, 0, 0.9, "task reconstruction: hide this fraction of the observed values from the "
                    + "features (seeded); the labels then hold exactly the hidden values, to be imputed")
            .integer(MASK_SEED, 1, 0, Integer.MAX_VALUE, "seed of mask_fraction: which values are hidden depends only on "
                    + "it and the sample and gene ids")
            .integer(TOP_VARIABLE_GENES, 0, 0, Integer.MAX_VALUE, "task reconstruction: keep the genes with the largest "
                    + "variance of their visible values across samples, in file order; 0 keeps every gene")
            .build();

    static ReaderOptions of(Parameters parameters) throws InputFormatException {
        Path path = parameters.path(DataReader.PATH);
        Path labelsFile = parameters.has(LABELS_FILE) ? parameters.path(LABELS_FILE) : null;
        String labelSubsetType = optional(parameters, LABEL_SUBSET_TYPE);
        if (labelsFile != null && labelSubsetType != null) {
            throw new InputFormatException(path, 0, "labels_file and label_subset_type both give labels; choose one");
        }
        for (String column : List.of(LABEL_COLUMN, GROUP_COLUMN)) {
            if (parameters.has(column) && labelsFile == null) {
                throw new InputFormatException(path, 0, column + " names a column of labels_file, which is not given");
            }
        }
        double min = parameters.has(CLIP_MIN) ? parameters.number(CLIP_MIN) : Double.NEGATIVE_INFINITY;
        double max = parameters.has(CLIP_MAX) ? parameters.number(CLIP_MAX) : Double.POSITIVE_INFINITY;
        if (min > max) {
            throw new InputFormatException(path, 0, "clip_min " + min + " is greater than clip_max " + max);
        }
        String format = parameters.string(FORMAT);
        String task = parameters.string(TASK);
        Reconstruction reconstruction = task.equals(RECONSTRUCTION)
                ? Reconstruction.of(parameters, labelsFile, labelSubsetType, path)
                : Reconstruction.refuseOptions(parameters, path);
        return new ReaderOptions(path,
                format.equals("auto") ? null : MatrixFormat.of(format),
                parameters.string(ORIENTATION).equals(SAMPLES_BY_GENES),
                optional(parameters, ID_COLUMN),
                new LinkedHashSet<>(parameters.strings(IGNORE_COLUMNS)),
                labelsFile,
                optional(parameters, LABEL_COLUMN),
                optional(parameters, GROUP_COLUMN),
                labelSubsetType,
                optional(parameters, GROUP_SUBSET_TYPE),
                reconstruction != null ? OutputPlan.TaskChoice.AUTO : OutputPlan.TaskChoice.valueOf(task.toUpperCase(Locale.ROOT)),
                optional(parameters, POSITIVE),
                new ValueTransform(ValueTransform.Log.of(parameters.string(LOG_TRANSFORM)), min, max),
                Missing.valueOf(parameters.string(MISSING).toUpperCase(Locale.ROOT)),
                parameters.flag(MASK),
                reconstruction);
    }

    /** Whether the labels are the values themselves ({@code task: reconstruction}). */
    boolean reconstructs() {
        return reconstruction != null;
    }

    /** Checks what depends on the format, once it is known. */
    void checkFormat(MatrixFormat resolved) throws InputFormatException {
        boolean table = resolved == MatrixFormat.CSV || resolved == MatrixFormat.TSV;
        if (samplesByGenes && !table) {
            throw new InputFormatException(path, 0, "orientation samples_by_genes applies to CSV and TSV; "
                    + resolved.id() + " files are always genes by samples");
        }
        if (resolved != MatrixFormat.SOFT && (labelSubsetType != null || groupSubsetType != null)) {
            throw new InputFormatException(path, 0, (labelSubsetType != null ? LABEL_SUBSET_TYPE : GROUP_SUBSET_TYPE)
                    + " needs a GEO SOFT file, but this is " + resolved.id());
        }
    }

    String rowKind() {
        return samplesByGenes ? "sample" : "gene";
    }

    String columnKind() {
        return samplesByGenes ? "gene" : "sample";
    }

    private static String optional(Parameters parameters, String name) {
        return parameters.has(name) ? parameters.string(name) : null;
    }
}
