package org.genomod.reader.intervals.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param format      {@code null} to decide by name and content
 * @param labelFiles  task name to BED file, in the order given; empty when labels come from elsewhere
 * @param labelColumn {@code null} when labels do not come from a column of {@code path}
 * @param taskName    the single output of a binary or regression task
 * @param chromosomes {@code null} for all contigs
 */
record ReaderOptions(Path path, Path reference, IntervalFormat format, WindowShape shape, boolean pad,
                     Map<String, Path> labelFiles, LabelColumn labelColumn, String taskName, int labelBin,
                     double minOverlap, Negatives negatives, double negativeRatio, int gcBins, long seed,
                     Set<String> chromosomes, Set<String> excludedChromosomes, Path blacklist) {

    /** A column of {@code path} that labels come from. */
    enum LabelColumn {
        /** Tasks are the distinct names (column 4); multi-label by overlap. */
        NAME,
        /** Regression on column 5. */
        SCORE,
        /** Regression on narrowPeak's column 7. */
        SIGNAL_VALUE
    }

    /** How negative examples are made. */
    enum Negatives { NONE, GC_MATCHED, SHUFFLED }

    static final String REFERENCE = "reference";
    static final String FORMAT = "format";
    static final String WINDOW = "window";
    static final String FLANK = "flank";
    static final String SUMMIT = "summit";
    static final String STRAND_AWARE = "strand_aware";
    static final String PAD = "pad";
    static final String LABELS = "labels";
    static final String LABEL_DIR = "label_dir";
    static final String LABEL_COLUMN = "label_column";
    static final String TASK_NAME = "task_name";
    static final String LABEL_BIN = "label_bin";
    static final String MIN_OVERLAP = "min_overlap";
    static final String NEGATIVES = "negatives";
    static final String NEGATIVE_RATIO = "negative_ratio";
    static final String GC_BINS = "gc_bins";
    static final String SEED = "seed";
    static final String CHROMOSOMES = "chromosomes";
    static final String EXCLUDE_CHROMOSOMES = "exclude_chromosomes";
    static final String BLACKLIST = "blacklist";
    static final int DEFAULT_WINDOW = 1000;
    static final int MAX_WINDOW = 1_000_000;

    static final ParameterSchema SCHEMA = ParameterSchema.builder()
            .required(DataReader.PATH, ParameterType.PATH,
                    "intervals: BED (3 to 12 columns), narrowPeak or Picard interval list; plain, gzip or bgzip")
            .required(REFERENCE, ParameterType.PATH,
                    "indexed FASTA reference: plain with .fai, or bgzip with .fai and .gzi (samtools faidx)")
            .choice(FORMAT, "auto", List.of("auto", "bed", "narrowpeak", "interval_list"),
                    "file layout; auto decides by name (.narrowPeak, .interval_list) and by the first line")
            .add(new Parameter(WINDOW, ParameterType.INTEGER, false, null,
                    "window length in bases, centred on the summit or the interval centre (default " + DEFAULT_WINDOW + ")",
                    null, 1d, (double) MAX_WINDOW))
            .add(new Parameter(FLANK, ParameterType.INTEGER, false, null,
                    "instead of window: the centre base plus flank bases on each side (window = 2 flank + 1)",
                    null, 0d, (double) (MAX_WINDOW / 2 - 1)))
            .flag(SUMMIT, true, "centre narrowPeak windows on the summit (column 10) when it is given")
            .flag(STRAND_AWARE, false, "reverse-complement windows of '-' strand intervals")
            .flag(PAD, false, "keep windows that run off a contig end, padded with all-zero positions, instead of dropping them")
            .optional(LABELS, ParameterType.MAP, null,
                    "multi-task labels: task name -> BED/narrowPeak file; 1 where a peak of the file overlaps the centre bin")
            .optional(LABEL_DIR, ParameterType.PATH, ".",
                    "folder that relative paths in labels resolve against (default: the spec's folder)")
            .add(new Parameter(LABEL_COLUMN, ParameterType.STRING, false, null,
                    "labels from a column of path: name (one task per distinct name), score or signal_value (regression)",
                    List.of("name", "score", "signal_value"), null, null))
            .optional(TASK_NAME, ParameterType.STRING, null,
                    "the output's name for a binary (positives against negatives) or regression task; default: path's file name stem")
            .integer(LABEL_BIN, 200, 1, MAX_WINDOW, "centre bin of the window that label peaks must overlap (capped at the window)")
            .number(MIN_OVERLAP, 0.5, 0, 1,
                    "a peak labels a window when it overlaps this share of the centre bin, or of itself when shorter; 0: any overlap")
            .choice(NEGATIVES, "none", List.of("none", "gc_matched", "shuffled"),
                    "negative examples: none; gc_matched background windows from the reference; shuffled: "
                            + "dinucleotide-shuffled copies of the positives")
            .number(NEGATIVE_RATIO, 1, 0, 1000, "negatives per positive window")
            .integer(GC_BINS, 20, 1, 1000, "GC-content bins that gc_matched negatives match the positives in")
            .integer(SEED, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of negative sampling and shuffling")
            .optional(CHROMOSOMES, ParameterType.STRING_LIST, null, "read only intervals on these contigs (default: all)")
            .optional(EXCLUDE_CHROMOSOMES, ParameterType.STRING_LIST, null, "skip intervals on these contigs")
            .optional(BLACKLIST, ParameterType.PATH, null, "BED of regions; windows overlapping them are dropped and counted")
            .build();

    static ReaderOptions of(Parameters p) throws InputFormatException {
        Path path = p.path(DataReader.PATH);
        if (p.has(WINDOW) && p.has(FLANK)) {
            throw new InputFormatException(path, 0, "give either window or flank, not both");
        }
        int length = p.has(FLANK) ? 2 * p.integer(FLANK) + 1 : p.has(WINDOW) ? p.integer(WINDOW) : DEFAULT_WINDOW;
        String format = p.string(FORMAT);
        LabelColumn column = p.has(LABEL_COLUMN) ? LabelColumn.valueOf(upper(p.string(LABEL_COLUMN))) : null;
        Map<String, Path> labelFiles = p.has(LABELS) ? labelFiles(path, p.map(LABELS), p.path(LABEL_DIR)) : Map.of();
        if (!labelFiles.isEmpty() && column != null) {
            throw new InputFormatException(path, 0, "give either labels (files) or label_column, not both");
        }
        String taskName = p.has(TASK_NAME) ? p.string(TASK_NAME) : null;
        if (taskName != null && (!labelFiles.isEmpty() || column == LabelColumn.NAME)) {
            throw new InputFormatException(path, 0, "task_name names the single output of a binary or regression task, "
                    + "but the tasks here are named by " + (column == LabelColumn.NAME ? "the name column" : "labels"));
        }
        if (taskName != null && taskName.isBlank()) {
            throw new InputFormatException(path, 0, "task_name is empty");
        }
        return new ReaderOptions(path, p.path(REFERENCE), format.equals("auto") ? null : IntervalFormat.of(format),
                new WindowShape(length, p.flag(SUMMIT), p.flag(STRAND_AWARE)), p.flag(PAD),
                labelFiles, column, taskName != null ? taskName : stem(path),
                p.integer(LABEL_BIN), p.number(MIN_OVERLAP),
                Negatives.valueOf(upper(p.string(NEGATIVES))), p.number(NEGATIVE_RATIO), p.integer(GC_BINS),
                p.integer(SEED),
                p.has(CHROMOSOMES) ? new LinkedHashSet<>(p.strings(CHROMOSOMES)) : null,
                p.has(EXCLUDE_CHROMOSOMES) ? Set.copyOf(p.strings(EXCLUDE_CHROMOSOMES)) : Set.of(),
                p.has(BLACKLIST) ? p.path(BLACKLIST) : null);
    }

    /** Task names to existing files; MAP values arrive unvalidated, so they are checked here. */
    private static Map<String, Path> labelFiles(Path path, Map<String, Object> raw, Path base) throws InputFormatException {
        if (raw.isEmpty()) {
            throw new InputFormatException(path, 0, "labels is empty; give task: file pairs, e.g. {ctcf: ctcf.narrowPeak}");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object value = e.getValue();
            if (!(value instanceof String || value instanceof Path) || e.getKey().isBlank()) {
                throw new InputFormatException(path, 0, "labels entry '" + e.getKey() + "' must map a task name to a "
                        + "BED file path, got " + value);
            }
            Path file;
            try {
                file = base.resolve(value.toString()).normalize();
            } catch (InvalidPathException ex) {
                throw new InputFormatException(path, 0, "labels entry '" + e.getKey() + "' is not a valid path: " + value);
            }
            if (!Files.isRegularFile(file)) {
                throw new InputFormatException(path, 0, "labels entry '" + e.getKey() + "' names a file that does not exist: "
                        + file);
            }
            files.put(e.getKey(), file);
        }
        return files;
    }

    /** {@code peaks} for {@code peaks.narrowPeak.gz}. */
    static String stem(Path path) {
        String name = path.getFileName().toString();
        for (String suffix : new String[] {".gz", ".bgz"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    int window() {
        return shape.length();
    }

    /** Whether labels come from anywhere but the positives themselves. */
    boolean hasLabelSource() {
        return !labelFiles.isEmpty() || labelColumn != null;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
