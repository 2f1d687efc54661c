package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * Streams the intervals of {@code path} into windows (positions only; bases come later, in genome
 * order). Every interval is checked against the reference: a contig the reference lacks or an end
 * beyond the contig is an error, since it means the file belongs to another assembly. Windows that run
 * off a contig end or touch the blacklist are dropped and counted.
 */
final class WindowCollector {
    private static final int CANCELLATION_INTERVAL = 4096;
    private final ReaderOptions options;
    private final Reference reference;
    private final IntervalIndex blacklist;
    private final ReadReport report;
    private final Cancellation cancellation;
    private final IntervalIndex.Builder occupied = IntervalIndex.builder();
    /** Intervals per name, for {@code label_column: name}; sorted so that task order does not depend on file order. */
    private final Map<String, IntervalIndex.Builder> byName = new TreeMap<>();
    private IntervalFormat format;

    WindowCollector(ReaderOptions options, Reference reference, IntervalIndex blacklist, ReadReport report,
                    Cancellation cancellation) {
        this.options = options;
        this.reference = reference;
        this.blacklist = blacklist;
        this.report = report;
        this.cancellation = cancellation;
    }

    List<Window> collect() throws IOException {
        List<Window> windows = new ArrayList<>();
        IntervalRecord r = new IntervalRecord();
        WindowShape shape = options.shape();
        int length = shape.length();
        try (IntervalParser parser = IntervalParser.open(options.path(), options.format())) {
            while (parser.next(r)) {
                if (parser.records() % CANCELLATION_INTERVAL == 1 && cancellation.isCancelled()) {
                    throw new CancellationException("reading " + options.path() + " was cancelled: " + cancellation.reason());
                }
                report.intervals++;
                if (options.chromosomes() != null && !options.chromosomes().contains(r.contig)
                        || options.excludedChromosomes().contains(r.contig)) {
                    report.outsideChromosomes++;
                    continue;
                }
                int contig = reference.contig(r.contig);
                if (contig < 0) {
                    throw error(r, reference.describeMissing(r.contig)
                            + " (restrict the contigs read with chromosomes or exclude_chromosomes)");
                }
                int contigLength = reference.length(contig);
                if (r.end > contigLength) {
                    throw error(r, "interval " + r.region() + " ends beyond " + r.contig + ", which has " + contigLength
                            + " bases in reference " + reference.path().getFileName() + "; is the file for another assembly?");
                }
                double value = labelValue(r, parser.format());
                occupied.add(r.contig, r.start, r.end);
                if (options.labelColumn() == ReaderOptions.LabelColumn.NAME) {
                    byName.computeIfAbsent(r.name, n -> IntervalIndex.builder()).add(r.contig, r.start, r.end);
                }
                long start = shape.start(r);
                if (start < 0 || start + length > contigLength) {
                    if (!options.pad()) {
                        report.offContig++;
                        continue;
                    }
                    report.padded++;
                }
                if (blacklist.overlaps(r.contig, (int) Math.max(0, start), (int) Math.min(contigLength, start + length))) {
                    report.blacklisted++;
                    continue;
                }
                occupied.add(r.contig, (int) Math.max(0, start), (int) Math.min(contigLength, start + length));
                windows.add(new Window(Window.Kind.INTERVAL, contig, (int) start, shape.minus(r), value, 0));
            }
            format = parser.format();
            if (parser.records() == 0) {
                throw new InputFormatException(options.path(), 0, "has no intervals");
            }
        }
        report.windows = windows.size();
        return windows;
    }

    /** The value a label column gives this interval, checked to be there; NaN when labels do not use one. */
    private double labelValue(IntervalRecord r, IntervalFormat format) throws InputFormatException {
        if (options.labelColumn() == null) {
            return Double.NaN;
        }
        return switch (options.labelColumn()) {
            case NAME -> {
                if (r.name == null) {
                    throw error(r, "label_column: name needs a name (column 4) on every line, but this line has none");
                }
                yield Double.NaN;
            }
            case SCORE -> {
                if (Double.isNaN(r.score)) {
                    throw error(r, "label_column: score needs a numeric score (column 5) on every line, but this line has none");
                }
                yield r.score;
            }
            case SIGNAL_VALUE -> {
                if (format != IntervalFormat.NARROWPEAK) {
                    throw error(r, "label_column: signal_value needs narrowPeak input (column 7), but the file reads as "
                            + format.id());
                }
                yield r.signal;
            }
        };
    }

    private InputFormatException error(IntervalRecord r, String problem) {
        return new InputFormatException(options.path(), r.line, problem);
    }

    /** The format the file was read as. */
    IntervalFormat format() {
        return format;
    }

    /** Every interval of {@code path} on a read contig, and every kept window: what background must avoid. */
    IntervalIndex occupied() {
        return occupied.build();
    }

    /** Task name to its intervals, for {@code label_column: name}, in name order. */
    Map<String, IntervalIndex> intervalsByName() {
        Map<String, IntervalIndex> indexes = new TreeMap<>();
        byName.forEach((name, builder) -> indexes.put(name, builder.build()));
        return indexes;
    }
}
