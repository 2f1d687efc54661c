package org.genomod.reader.network.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.param.Parameter;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.ParameterType;
import org.genomod.api.param.Parameters;

/**
 * The reader's parameters: their declaration and their validated, typed values.
 *
 * @param format       {@code null} to detect it from the name and content
 * @param directed     {@code null} when not given (GraphML then follows its {@code edgedefault})
 * @param header       {@code null}: decide from the content (see {@link EdgeListParser})
 * @param delimiter    {@code null}: decide from the first line
 * @param weightColumn {@code null} for an unweighted network
 * @param signColumn   {@code null} for an unsigned network
 */
record ReaderOptions(Path path, NetworkFormat format, Boolean directed, Boolean header, FieldSplitter.Delimiter delimiter,
                     Column sourceColumn, Column targetColumn, Column weightColumn, Column signColumn,
                     String nameAttribute, double minWeight, UnknownSign unknownSign, boolean mergeDuplicates,
                     boolean keepSelfLoops, int minDegree, boolean largestComponent, Path featuresFile,
                     boolean structuralFeatures, Path labelsFile, Column labelColumn) {

    /** What an edge of stated but unknown sign becomes. */
    enum UnknownSign {
        /** An edge of weight 0: part of the graph's structure, carries nothing in propagation. */
        ZERO,
        DROP,
        ERROR
    }

    static final String FORMAT = "format";
    static final String DIRECTED = "directed";
    static final String HEADER = "header";
    static final String DELIMITER = "delimiter";
    static final String SOURCE_COLUMN = "source_column";
    static final String TARGET_COLUMN = "target_column";
    static final String WEIGHT_COLUMN = "weight_column";
    static final String SIGN_COLUMN = "sign_column";
    static final String NAME_ATTRIBUTE = "name_attribute";
    static final String MIN_WEIGHT = "min_weight";
    static final String UNKNOWN_SIGN = "unknown_sign";
    static final String DUPLICATE_EDGES = "duplicate_edges";
    static final String SELF_LOOPS = "self_loops";
    static final String MIN_DEGREE = "min_degree";
    static final String LARGEST_COMPONENT = "largest_component";
    static final String FEATURES_FILE = "features_file";
    static final String STRUCTURAL_FEATURES = "structural_features";
    static final String LABELS_FILE = "labels_file";
    static final String LABEL_COLUMN = "label_column";

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "network file: edge list (TSV/CSV), SIF or GraphML; plain or gzip")
            .choice(FORMAT, "auto", List.of("auto", "edgelist", "sif", "graphml"),
                    "auto: GraphML by content, SIF by the .sif name, otherwise an edge list")
            .add(new Parameter(DIRECTED, ParameterType.BOOLEAN, false, null,
                    "whether edges have a direction; required for edge lists and SIF, GraphML defaults to its edgedefault",
                    null, null, null))
            .choice(HEADER, "auto", List.of("auto", "true", "false"),
                    "edge lists: whether the first line names the columns; auto: yes when a column is given by name, "
                            + "or when neither node of the first line occurs on any other line")
            .choice(DELIMITER, "auto", List.of("auto", "tab", "comma", "whitespace"),
                    "edge lists: field separator; auto: tab if the first line has one, else comma, else whitespace")
            .optional(SOURCE_COLUMN, ParameterType.STRING, "1", "edge lists: source column, a 1-based number or a header name")
            .optional(TARGET_COLUMN, ParameterType.STRING, "2", "edge lists: target column, a 1-based number or a header name")
            .optional(WEIGHT_COLUMN, ParameterType.STRING, null,
                    "edge weights: column number or header name (edge lists), edge attribute name (GraphML)")
            .optional(SIGN_COLUMN, ParameterType.STRING, null,
                    "edge signs (" + EdgeValues.SIGN_WORDS + ") read as weights +1/-1/0: column number or header "
                            + "name (edge lists), 2 or 'type' (SIF interaction type), edge attribute name (GraphML)")
            .optional(NAME_ATTRIBUTE, ParameterType.STRING, null,
                    "GraphML: node attribute holding the node names (default: the node ids)")
            .add(new Parameter(MIN_WEIGHT, ParameterType.NUMBER, false, 0.0,
                    "drop edges whose absolute weight is below this; weight 0 is never an edge", null, 0.0, null))
            .choice(UNKNOWN_SIGN, "zero", List.of("zero", "drop", "error"),
                    "edges whose sign is unknown (TRRUST's Unknown): zero: kept with weight 0, drop, or error")
            .choice(DUPLICATE_EDGES, "merge", List.of("merge", "error"),
                    "an edge stated twice: merge (largest absolute weight; agreeing signs, else 0) or error")
            .choice(SELF_LOOPS, "keep", List.of("keep", "drop"), "edges from a node to itself")
            .add(new Parameter(MIN_DEGREE, ParameterType.INTEGER, false, 0,
                    "drop nodes with fewer distinct neighbours (one pass, before largest_component)", null, 0.0, null))
            .flag(LARGEST_COMPONENT, false, "keep only the largest (weakly) connected component")
            .optional(FEATURES_FILE, ParameterType.PATH, null,
                    "node feature table: node, then one number per feature; every node of the network needs a row")
            .add(new Parameter(STRUCTURAL_FEATURES, ParameterType.BOOLEAN, false, null,
                    "add the structural node features (degrees, clustering, PageRank, coreness); "
                            + "default true without features_file, false with it",
                    null, null, null))
            .optional(LABELS_FILE, ParameterType.PATH, null,
                    "node label table: node and label columns; a node without a row or with an empty label is unlabelled")
            .optional(LABEL_COLUMN, ParameterType.STRING, "2", "labels_file: label column, a 1-based number or a header name")
            .build();

    static ReaderOptions of(Parameters p) throws InputFormatException {
        Path path = p.path(DataReader.PATH);
        String format = p.string(FORMAT);
        String header = p.string(HEADER);
        String delimiter = p.string(DELIMITER);
        boolean hasFeatures = p.has(FEATURES_FILE);
        ReaderOptions options = new ReaderOptions(path,
                format.equals("auto") ? null : NetworkFormat.valueOf(upper(format)),
                p.has(DIRECTED) ? p.flag(DIRECTED) : null,
                header.equals("auto") ? null : Boolean.valueOf(header),
                delimiter.equals("auto") ? null : FieldSplitter.Delimiter.valueOf(upper(delimiter)),
                Column.parse(path, SOURCE_COLUMN, p.string(SOURCE_COLUMN)),
                Column.parse(path, TARGET_COLUMN, p.string(TARGET_COLUMN)),
                p.has(WEIGHT_COLUMN) ? Column.parse(path, WEIGHT_COLUMN, p.string(WEIGHT_COLUMN)) : null,
                p.has(SIGN_COLUMN) ? Column.parse(path, SIGN_COLUMN, p.string(SIGN_COLUMN)) : null,
                p.has(NAME_ATTRIBUTE) ? p.string(NAME_ATTRIBUTE) : null,
                p.number(MIN_WEIGHT),
                UnknownSign.valueOf(upper(p.string(UNKNOWN_SIGN))),
                p.string(DUPLICATE_EDGES).equals("merge"),
                p.string(SELF_LOOPS).equals("keep"),
                p.integer(MIN_DEGREE),
                p.flag(LARGEST_COMPONENT),
                hasFeatures ? p.path(FEATURES_FILE) : null,
                p.has(STRUCTURAL_FEATURES) ? p.flag(STRUCTURAL_FEATURES) : !hasFeatures,
                p.has(LABELS_FILE) ? p.path(LABELS_FILE) : null,
                Column.parse(path, LABEL_COLUMN, p.string(LABEL_COLUMN)));
        if (options.weightColumn != null && options.signColumn != null) {
            throw new InputFormatException(path, 0, "give weight_column or sign_column, not both: a signed edge has weight +1 or -1");
        }
        if (!options.structuralFeatures && options.featuresFile == null) {
            throw new InputFormatException(path, 0, "structural_features: false leaves the nodes without features; "
                    + "give features_file or drop structural_features");
        }
        if (options.header == Boolean.FALSE && options.namesAColumn()) {
            throw new InputFormatException(path, 0, "header: false, but a column is given by name; "
                    + "names need a header line");
        }
        return options;
    }

    /** What each edge carries. */
    EdgeKind edgeKind() {
        return signColumn != null ? EdgeKind.SIGN : weightColumn != null ? EdgeKind.WEIGHT : EdgeKind.NONE;
    }

    boolean namesAColumn() {
        return sourceColumn.name() != null || targetColumn.name() != null
                || weightColumn != null && weightColumn.name() != null || signColumn != null && signColumn.name() != null;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** The values an edge carries. */
    enum EdgeKind { NONE, WEIGHT, SIGN }

    /**
     * A column given as a 1-based number or by its header name.
     *
     * @param number 1-based, or 0 when given by name
     * @param name   {@code null} when given by number
     */
    record Column(int number, String name) {

        static Column parse(Path file, String parameter, String text) throws InputFormatException {
            String s = text.strip();
            if (s.isEmpty()) {
                throw new InputFormatException(file, 0, parameter + " is empty; give a column number or name");
            }
            if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int number;
                try {
                    number = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    number = 0;
                }
                if (number < 1) {
                    throw new InputFormatException(file, 0, parameter + " " + s + " is not a column: columns count from 1");
                }
                return new Column(number, null);
            }
            return new Column(0, s);
        }

        /** The column as its parameter was written, for messages. */
        String describe() {
            return name != null ? "'" + name + "'" : Integer.toString(number);
        }
    }
}
