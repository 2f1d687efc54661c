package org.genomod.reader.fasta.internal;

import org.genomod.reader.support.OutputPlan;
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
 * @param length    0: all records must share the first record's length (k-mers: whole records);
 *                  otherwise crop or pad to it (k-mers: crop only)
 * @param labelKey  the key of {@code KEY:VALUE} labels in FASTA and FASTQ headers
 * @param positive  the positive class of a binary task; {@code null} when not given
 * @param k         the k-mer length; meaningful for {@link Encoding#KMER} only
 * @param negatives shuffled negatives to add to a file of positives when training; {@code null} for
 *                  {@code negatives: none}
 */
record ReaderOptions(Path path, InputFormat format, Alphabet alphabet, int length, LabelSource labels,
                     Path labelsFile, String labelKey, OutputPlan.TaskChoice task, String positive,
                     boolean reverseComplement, Encoding encoding, int k, KmerProfile.Values kmerValues,
                     ShuffledNegatives negatives) {

    /** Where labels come from. */
    enum LabelSource {
        /** The record's own label: from a FASTA/FASTQ header, the UCI class, the TSV label column. */
        HEADER,
        NONE,
        /** The {@code labels_file} side table. */
        TABLE
    }

    /** The {@code encoding} parameter. */
    enum Encoding { ONEHOT, KMER }

    static final String FORMAT = "format";
    static final String ALPHABET = "alphabet";
    static final String LENGTH = "length";
    static final String LABELS = "labels";
    static final String LABELS_FILE = "labels_file";
    static final String LABEL_KEY = "label_key";
    static final String TASK = "task";
    static final String POSITIVE = "positive";
    static final String REVERSE_COMPLEMENT = "reverse_complement";
    static final String ENCODING = "encoding";
    static final String K = "k";
    static final String KMER_VALUES = "kmer_values";
    static final String NEGATIVES = "negatives";
    static final String NEGATIVE_RATIO = "negative_ratio";
    static final String NEGATIVE_SEED = "negative_seed";
    static final int MAX_LENGTH = 1_000_000;
    static final int DEFAULT_K = 3;
    static final String DEFAULT_LABEL_KEY = "class";
    static final int DEFAULT_NEGATIVE_RATIO = 1;
    static final int MAX_NEGATIVE_RATIO = 100;
    /** {@link org.genomod.api.data.ReadContext} carries no job seed, so the shuffles have a fixed default one. */
    static final int DEFAULT_NEGATIVE_SEED = 42;

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "sequence file: FASTA, FASTQ, UCI 'class, id, sequence' lines or TSV with a header; plain or gzip")
            .choice(FORMAT, "auto", List.of("auto", "fasta", "fastq", "uci", "tsv"), "file layout; auto decides by content")
            .choice(ALPHABET, "dna", List.of("dna", "rna", "protein"),
                    "dna: A, C, G, T; rna: A, C, G, U (IUPAC codes in both); protein: the 20 amino acids, "
                            + "B, Z, J, X spread, U read as C, O as K, * all zero")
            .choice(ENCODING, "onehot", List.of("onehot", "kmer"),
                    "onehot: [length, channels]; kmer: counts of overlapping k-mers, [symbols^k]")
            .add(new Parameter(K, ParameterType.INTEGER, false, null,
                    "k-mer length for encoding: kmer (default " + DEFAULT_K + "; at most 8 for nucleotides, 3 for protein)",
                    null, 1.0, (double) KmerProfile.MAX_K))
            .add(new Parameter(KMER_VALUES, ParameterType.STRING, false, null,
                    "for encoding: kmer, frequency (default; divided by the k-mers counted) or count",
                    List.of("frequency", "count"), null, null))
            .integer(LENGTH, 0, 0, MAX_LENGTH,
                    "positions per example; 0: all records share one length, else centre-crop longer and "
                            + "centre-pad shorter records with all-zero positions (kmer: 0 counts whole records, "
                            + "n > 0 centre-crops longer ones)")
            .add(new Parameter(LABELS, ParameterType.STRING, false, null,
                    "header: each record's own label (FASTA/FASTQ header, UCI class, TSV label column); "
                            + "table: labels_file; none; default header, or table when labels_file is given",
                    List.of("header", "none", "table"), null, null))
            .optional(LABELS_FILE, ParameterType.PATH, null, "TSV side table of labels: id<TAB>label per line")
            .optional(LABEL_KEY, ParameterType.STRING, DEFAULT_LABEL_KEY,
                    "in FASTA/FASTQ headers the label is the value of a KEY:VALUE or KEY=VALUE word for this key "
                            + "(iONMF 'class:1'), else the header's last word after the name")
            .choice(TASK, "auto", List.of("auto", "binary", "multiclass"),
                    "auto: binary when positive is given and there are two classes, else multiclass")
            .optional(POSITIVE, ParameterType.STRING, null, "the positive class of a binary task (default 1 for 0/1 labels)")
            .flag(REVERSE_COMPLEMENT, false, "encode each record's reverse complement instead of the record (nucleotides)")
            .choice(NEGATIVES, "none", List.of("none", "shuffled"),
                    "shuffled: for a file of positives only (DeepBind's *_AC.seq.gz), add dinucleotide shuffles of "
                            + "each positive as negatives of a binary task when training")
            .add(new Parameter(NEGATIVE_RATIO, ParameterType.INTEGER, false, null,
                    "negatives: shuffled only; shuffles per positive (default " + DEFAULT_NEGATIVE_RATIO + ")",
                    null, 1.0, (double) MAX_NEGATIVE_RATIO))
            .add(new Parameter(NEGATIVE_SEED, ParameterType.INTEGER, false, null,
                    "negatives: shuffled only; the seed of the shuffles (default " + DEFAULT_NEGATIVE_SEED
                            + "; the job seed does not reach readers)", null, null, null))
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
        Alphabet alphabet = Alphabet.of(parameters.string(ALPHABET));
        boolean reverseComplement = parameters.flag(REVERSE_COMPLEMENT);
        if (reverseComplement && !alphabet.complementable()) {
            throw new InputFormatException(path, 0, "reverse_complement needs a nucleotide alphabet, not " + alphabet.id());
        }
        Encoding encoding = Encoding.valueOf(upper(parameters.string(ENCODING)));
        if (encoding != Encoding.KMER && (parameters.has(K) || parameters.has(KMER_VALUES))) {
            throw new InputFormatException(path, 0, (parameters.has(K) ? K : KMER_VALUES)
                    + " applies to encoding: kmer only, but encoding is " + parameters.string(ENCODING));
        }
        int k = parameters.has(K) ? parameters.integer(K) : DEFAULT_K;
        if (encoding == Encoding.KMER && k > KmerProfile.maxK(alphabet)) {
            String features = String.format(Locale.ROOT, "%,.0f", Math.pow(alphabet.channels(), k));
            throw new InputFormatException(path, 0, "k: " + k + " gives " + features + " features per " + alphabet.id()
                    + " record; at most " + KmerProfile.MAX_FEATURES + " (k up to " + KmerProfile.maxK(alphabet) + ")");
        }
        OutputPlan.TaskChoice task = OutputPlan.TaskChoice.valueOf(upper(parameters.string(TASK)));
        return new ReaderOptions(path,
                format.equals("auto") ? null : InputFormat.valueOf(upper(format)),
                alphabet,
                parameters.integer(LENGTH),
                labels,
                labelsFile,
                parameters.string(LABEL_KEY),
                task,
                parameters.has(POSITIVE) ? parameters.string(POSITIVE) : null,
                reverseComplement,
                encoding,
                k,
                parameters.has(KMER_VALUES) ? KmerProfile.Values.valueOf(upper(parameters.string(KMER_VALUES)))
                        : KmerProfile.Values.FREQUENCY,
                negatives(parameters, path, alphabet, task, encoding, k));
    }

    /** {@code negatives: shuffled} and its settings, refused where shuffles cannot make a binary task's negatives. */
    private static ShuffledNegatives negatives(Parameters parameters, Path path, Alphabet alphabet,
                                               OutputPlan.TaskChoice task, Encoding encoding, int k)
            throws InputFormatException {
        if (parameters.string(NEGATIVES).equals("none")) {
            if (parameters.has(NEGATIVE_RATIO) || parameters.has(NEGATIVE_SEED)) {
                throw new InputFormatException(path, 0, (parameters.has(NEGATIVE_RATIO) ? NEGATIVE_RATIO : NEGATIVE_SEED)
                        + " applies to negatives: shuffled only, but negatives is none");
            }
            return null;
        }
        if (alphabet == Alphabet.PROTEIN) {
            throw new InputFormatException(path, 0, "negatives: shuffled keeps the dinucleotide counts of DNA or RNA "
                    + "sequences; it has no meaning for alphabet: protein");
        }
        if (task == OutputPlan.TaskChoice.MULTICLASS) {
            throw new InputFormatException(path, 0, "negatives: shuffled makes a binary task (positives against their "
                    + "shuffles), but task is multiclass");
        }
        if (encoding == Encoding.KMER && k <= 2) {
            throw new InputFormatException(path, 0, "negatives: shuffled keeps each record's " + k + "-mer counts, so "
                    + "k: " + k + " profiles cannot tell a shuffle from its positive; use k of 3 or more, or onehot");
        }
        return new ShuffledNegatives(
                parameters.has(NEGATIVE_RATIO) ? parameters.integer(NEGATIVE_RATIO) : DEFAULT_NEGATIVE_RATIO,
                parameters.has(NEGATIVE_SEED) ? parameters.integer(NEGATIVE_SEED) : DEFAULT_NEGATIVE_SEED);
    }

    /** The encoding the options ask for; {@code length} is the resolved one-hot length. */
    SequenceFeatures features(int length) {
        return encoding == Encoding.KMER
                ? new KmerProfile(alphabet, k, kmerValues, this.length, reverseComplement)
                : new SequenceLayout(new OneHotEncoder(alphabet), length, reverseComplement);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
