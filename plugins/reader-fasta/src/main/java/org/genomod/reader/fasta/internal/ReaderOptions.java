package org.genomod.reader.fasta.internal;

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
 * @param format    {@code null} to detect it from the content
 * @param length    0: all records must share the first record's length; otherwise crop or pad to it
 * @param positive  the positive class of a binary task; {@code null} when not given
 */
record ReaderOptions(Path path, InputFormat format, Alphabet alphabet, int length, LabelSource labels,
                     Path labelsFile, OutputPlan.TaskChoice task, String positive, boolean reverseComplement) {

    /** Where labels come from. */
    enum LabelSource {
        /** The record's own label: last word of a FASTA header, the UCI class, the TSV label column. */
        HEADER,
        NONE,
        /** The {@code labels_file} side table. */
        TABLE
    }

    static final String FORMAT = "format";
    static final String ALPHABET = "alphabet";
    static final String LENGTH = "length";
    static final String LABELS = "labels";
    static final String LABELS_FILE = "labels_file";
    static final String TASK = "task";
    static final String POSITIVE = "positive";
    static final String REVERSE_COMPLEMENT = "reverse_complement";
    static final int MAX_LENGTH = 1_000_000;

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "sequence file: FASTA, UCI 'class, id, sequence' lines or TSV with a header; plain or gzip")
            .choice(FORMAT, "auto", List.of("auto", "fasta", "uci", "tsv"), "file layout; auto decides by content")
            .choice(ALPHABET, "dna", List.of("dna", "rna"), "dna: A, C, G, T; rna: A, C, G, U; IUPAC codes in both")
            .integer(LENGTH, 0, 0, MAX_LENGTH,
                    "positions per example; 0: all records share one length, else centre-crop longer and "
                            + "centre-pad shorter records with all-zero positions")
            .add(new Parameter(LABELS, ParameterType.STRING, false, null,
                    "header: each record's own label (last word of a FASTA header, UCI class, TSV label column); "
                            + "table: labels_file; none; default header, or table when labels_file is given",
                    List.of("header", "none", "table"), null, null))
            .optional(LABELS_FILE, ParameterType.PATH, null, "TSV side table of labels: id<TAB>label per line")
            .choice(TASK, "auto", List.of("auto", "binary", "multiclass"),
                    "auto: binary when positive is given and there are two classes, else multiclass")
            .optional(POSITIVE, ParameterType.STRING, null, "the positive class of a binary task (default 1 for 0/1 labels)")
            .flag(REVERSE_COMPLEMENT, false, "encode each record's reverse complement instead of the record")
            .build();

    static ReaderOptions of(Parameters parameters) throws InputFormatException {
        Path path = parameters.path(DataReader.PATH);
        String format = parameters.string(FORMAT);
        Path labelsFile = parameters.has(LABELS_FILE) ? parameters.path(LABELS_FILE) : null;
        LabelSource labels = parameters.has(LABELS) ? LabelSource.valueOf(upper(parameters.string(LABELS)))
                : labelsFile != null ? LabelSource.TABLE : LabelSource.HEADER;
        if (labels == LabelSource.TABLE && labelsFile == null) {
            throw new InputFormatException(path, 0, "labels: table needs the parameter labels_file");
        }
        if (labels != LabelSource.TABLE && labelsFile != null) {
            throw new InputFormatException(path, 0, "labels_file is given but labels is '"
                    + parameters.string(LABELS) + "'; set labels: table or drop labels_file");
        }
        return new ReaderOptions(path,
                format.equals("auto") ? null : InputFormat.valueOf(upper(format)),
                Alphabet.of(parameters.string(ALPHABET)),
                parameters.integer(LENGTH),
                labels,
                labelsFile,
                OutputPlan.TaskChoice.valueOf(upper(parameters.string(TASK))),
                parameters.has(POSITIVE) ? parameters.string(POSITIVE) : null,
                parameters.flag(REVERSE_COMPLEMENT));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
