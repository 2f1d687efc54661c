package org.genomod.reader.intervals.internal;

import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import htsjdk.samtools.util.GZIIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Turns intervals (BED, narrowPeak, interval lists) over an indexed FASTA reference into fixed-length
 * one-hot windows of shape {@code [window, 4]}, labelled by the intervals themselves against negatives,
 * by overlap with per-task peak files, or by a column. The group of every window is its contig, so a
 * {@code groups} split holds out chromosomes.
 *
 * <p>The interval file is streamed; the windows' bases (one byte each) are held, since they are the
 * requested examples, and encoded on demand. Reference reads go in genome order through a bounded
 * buffer. Side files (label peaks, blacklist) are held as merged regions.
 */
@Component(service = DataReader.class, property = {
    DataReader.SERVICE_PROPERTY + "=intervals",
    DataReader.FORMATS_PROPERTY + "=bed",
    DataReader.FORMATS_PROPERTY + "=narrowpeak",
    DataReader.FORMATS_PROPERTY + "=interval_list"})
public final class IntervalsDataReader implements DataReader {
    /** Rough bytes a window costs besides its bases: window object, id, array headers. */
    private static final int WINDOW_OVERHEAD = 160;

    @Override
    public ParameterSchema parameters() {
        return ReaderOptions.SCHEMA;
    }

    @Override
    public List<Path> inputs(Parameters parameters) {
        List<Path> inputs = new ArrayList<>(DataReader.super.inputs(parameters));
        Path reference = parameters.path(ReaderOptions.REFERENCE);
        inputs.add(reference);
        for (Path index : List.of(ReferenceSequenceFileFactory.getFastaIndexFileName(reference),
                GZIIndex.resolveIndexNameForBgzipFile(reference))) {
            if (Files.isRegularFile(index)) {
                inputs.add(index);
            }
        }
        try {
            inputs.addAll(ReaderOptions.of(parameters).labelFiles().values());
        } catch (InputFormatException e) {
            // read() reports it; provenance lists what can be resolved
        }
        if (parameters.has(ReaderOptions.BLACKLIST)) {
            inputs.add(parameters.path(ReaderOptions.BLACKLIST));
        }
        return List.copyOf(inputs);
    }

    /**
     * New intervals are encoded like the training windows (reference, window, centring, strand) but
     * without labels, negatives or filters: prediction gives one row per window of the input.
     */
    @Override
    public Map<String, Object> predictionParameters(Map<String, Object> training, Path input) {
        Map<String, Object> parameters = DataReader.super.predictionParameters(training, input);
        for (String key : List.of(ReaderOptions.FORMAT, ReaderOptions.LABELS, ReaderOptions.LABEL_DIR,
                ReaderOptions.LABEL_COLUMN, ReaderOptions.TASK_NAME, ReaderOptions.CHROMOSOMES,
                ReaderOptions.EXCLUDE_CHROMOSOMES, ReaderOptions.BLACKLIST)) {
            parameters.remove(key);
        }
        parameters.put(ReaderOptions.NEGATIVES, "none");
        return parameters;
    }

    @Override
    public Dataset read(Parameters parameters, ReadContext context) throws IOException {
        ReaderOptions options = ReaderOptions.of(parameters);
        Cancellation cancellation = context.cancellation();
        try (Reference reference = Reference.open(options.reference())) {
            checkChromosomes(options, reference);
            IntervalIndex blacklist = options.blacklist() == null ? IntervalIndex.EMPTY
                    : IntervalFiles.index(options.blacklist(), "blacklist", reference, cancellation);
            Map<String, IntervalIndex> tasks = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : options.labelFiles().entrySet()) {
                tasks.put(e.getKey(), IntervalFiles.index(e.getValue(), "label file of task " + e.getKey(), reference,
                        cancellation));
            }

            ReadReport report = new ReadReport();
            WindowCollector collector = new WindowCollector(options, reference, blacklist, report, cancellation);
            List<Window> positives = collector.collect();
            if (options.labelColumn() == ReaderOptions.LabelColumn.NAME) {
                tasks.putAll(collector.intervalsByName());
            }
            if (positives.isEmpty()) {
                throw new InputFormatException(options.path(), 0, "yields no windows: of " + report.intervals + " intervals, "
                        + report.outsideChromosomes + " lie outside the chromosomes read, " + report.offContig
                        + " have windows running off a contig end and " + report.blacklisted + " overlap the blacklist");
            }
            LabelPlan labels = LabelPlan.resolve(options, tasks, context.outputs());
            boolean againstNegatives = labels.mode() == LabelPlan.Mode.POSITIVES;
            boolean labelled = !againstNegatives || options.negatives() != ReaderOptions.Negatives.NONE;
            if (labelled && againstNegatives && labels.outputs().size() > 1) {
                throw new InputFormatException(options.path(), 0, "positives against negatives make one output, but the "
                        + "model has " + labels.outputs() + "; give the label files (labels) it was trained with");
            }
            if (context.labelsRequired() && !labelled) {
                throw new InputFormatException(options.path(), 0, "every window would be labelled 1: give negatives "
                        + "(gc_matched or shuffled), labels (peak files per task) or label_column");
            }
            int negatives = options.negatives() == ReaderOptions.Negatives.NONE ? 0
                    : NegativeWindows.count(positives.size(), options.negativeRatio());
            checkMemory(options, positives.size() + negatives);

            WindowFetcher fetcher = new WindowFetcher(reference, options.window());
            fetcher.fetch(positives, cancellation, options.path().toString());
            List<Window> windows = new ArrayList<>(positives);
            SplittableRandom random = new SplittableRandom(options.seed());
            switch (options.negatives()) {
                case GC_MATCHED -> {
                    List<IntervalIndex> excluded = new ArrayList<>(tasks.values());
                    excluded.add(collector.occupied());
                    excluded.add(blacklist);
                    windows.addAll(NegativeWindows.gcMatched(positives, options.negativeRatio(),
                            new GcMatchedSampler(reference, options.window(), options.gcBins()), fetcher,
                            allowedContigs(options, reference), excluded, random, cancellation, report));
                }
                case SHUFFLED -> windows.addAll(NegativeWindows.shuffled(positives, options.negativeRatio(), random, report));
                case NONE -> { }
            }
            return dataset(options, reference, labels, labelled, collector.format(), windows, report);
        }
    }

    private static Dataset dataset(ReaderOptions options, Reference reference, LabelPlan labels, boolean labelled,
                                   IntervalFormat format, List<Window> windows, ReadReport report) {
        int n = windows.size();
        int length = options.window();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("alphabet", "dna");
        attributes.put("length", length);
        attributes.put("format", format.id());
        attributes.put("reference", reference.path().getFileName().toString());
        attributes.put("summit", options.shape().summit());
        attributes.put("strand_aware", options.shape().strandAware());
        attributes.put("pad", options.pad());
        attributes.put("labels", labels.mode().name().toLowerCase(java.util.Locale.ROOT));
        attributes.put("label_bin", labels.bin());
        attributes.put("min_overlap", options.minOverlap());
        attributes.put("negatives", options.negatives().name().toLowerCase(java.util.Locale.ROOT));
        attributes.put("counts", report.counts());
        attributes.put("warnings", report.warnings(length));
        DatasetSchema schema = new DatasetSchema(List.of(length, OneHot.CHANNELS), "dna-one-hot", labels.task(),
                labels.outputs(), attributes);

        byte[][] bases = new byte[n][];
        boolean[] acgt = new boolean[n];
        String[] ids = new String[n];
        String[] groups = new String[n];
        LabelMatrix matrix = !labelled ? null : labels.mode() == LabelPlan.Mode.VALUE
                ? LabelMatrix.real(n, schema.labelSize()) : LabelMatrix.binary(n, schema.labelSize());
        float[] row = new float[schema.labelSize()];
        for (int i = 0; i < n; i++) {
            Window w = windows.get(i);
            bases[i] = w.bases;
            acgt[i] = w.acgt;
            ids[i] = w.id(reference, length);
            groups[i] = reference.name(w.contig);
            if (matrix != null) {
                labels.labels(w, reference, row, 0);
                matrix.set(i, row);
            }
        }
        return new WindowDataset(schema, bases, acgt, matrix, ids, groups);
    }

    /** Named contigs must exist, or a typo (or {@code chr8} against {@code 8}) would hold out nothing. */
    private static void checkChromosomes(ReaderOptions options, Reference reference) throws InputFormatException {
        if (options.chromosomes() == null) {
            return;
        }
        for (String name : options.chromosomes()) {
            if (reference.contig(name) < 0) {
                throw new InputFormatException(options.path(), 0, "parameter chromosomes: " + reference.describeMissing(name));
            }
        }
    }

    private static boolean[] allowedContigs(ReaderOptions options, Reference reference) {
        boolean[] allowed = new boolean[reference.contigCount()];
        for (int c = 0; c < allowed.length; c++) {
            String name = reference.name(c);
            allowed[c] = (options.chromosomes() == null || options.chromosomes().contains(name))
                    && !options.excludedChromosomes().contains(name);
        }
        return allowed;
    }

    /** Fails before filling memory: the windows are held as one byte per base. */
    private static void checkMemory(ReaderOptions options, long windows) throws InputFormatException {
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = windows * (options.window() + WINDOW_OVERHEAD);
        if (needed > available) {
            throw new InputFormatException(options.path(), 0, String.format("%,d windows of %,d bp need about %,d MiB, more "
                    + "than the %,d MiB the JVM has left; read fewer chromosomes, use a shorter window or give Java more "
                    + "memory (-Xmx)", windows, options.window(), needed >> 20, available >> 20));
        }
    }
}
