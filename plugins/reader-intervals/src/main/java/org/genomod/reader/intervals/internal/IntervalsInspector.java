package org.genomod.reader.intervals.internal;

import htsjdk.samtools.SAMSequenceRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Checks BED, narrowPeak and interval-list files line by line with the reader's parser, plus the
 * order tools that index intervals need: an unsorted BED is an error (the issue counts it as malformed;
 * tabix and sorted-mode tools reject it), an unsorted narrowPeak only a warning, because ENCODE and
 * IDR publish narrowPeak sorted by signal rank. With a reference, every contig must be in it and every
 * interval inside its contig.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=intervals")
public final class IntervalsInspector implements FileInspector {
    /** PLINK's binary genotype files are also named .bed; they start with these bytes. */
    private static final byte[] PLINK_MAGIC = {0x6c, 0x1b, 0x01};
    private static final int CANCELLATION_INTERVAL = 4096;

    @Override
    public boolean accepts(Path file, byte[] head) {
        IntervalFormat format = IntervalFormat.byName(file);
        return format != null && !(format == IntervalFormat.BED && startsWith(head, PLINK_MAGIC));
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head == null || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InspectionReport inspect(Path file, Path referencePath, Cancellation cancellation) throws IOException {
        try (Reference reference = referencePath == null ? null : Reference.open(referencePath);
             IntervalParser parser = IntervalParser.open(file, null)) {
            IntervalRecord r = new IntervalRecord();
            SortOrder order = new SortOrder();
            Set<String> contigs = new LinkedHashSet<>();
            String unsorted = null;
            long bases = 0;
            long empty = 0;
            long summits = 0;
            while (parser.next(r)) {
                if (parser.records() % CANCELLATION_INTERVAL == 1 && cancellation.isCancelled()) {
                    throw new CancellationException("inspecting " + file + " was cancelled: " + cancellation.reason());
                }
                contigs.add(r.contig);
                bases += r.length();
                empty += r.length() == 0 ? 1 : 0;
                summits += r.summit != IntervalRecord.NO_SUMMIT ? 1 : 0;
                if (reference != null) {
                    checkAgainst(reference, r, file);
                }
                if (parser.format() != IntervalFormat.INTERVAL_LIST && unsorted == null) {
                    String problem = order.next(r);
                    if (problem != null && parser.format() == IntervalFormat.BED) {
                        throw new InputFormatException(file, r.line, problem);
                    }
                    unsorted = problem == null ? null : "line " + r.line + ": " + problem;
                }
            }
            if (parser.records() == 0) {
                throw new InputFormatException(file, 0, "has no intervals" + (parser.format() == IntervalFormat.INTERVAL_LIST
                        ? " after its header" : ""));
            }
            if (reference != null && parser.dictionary() != null) {
                checkHeader(reference, parser, file);
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("contigs", List.copyOf(contigs));
            facts.put("bases", bases);
            if (parser.format() == IntervalFormat.BED) {
                facts.put("columns", parser.columns());
            }
            if (parser.format() == IntervalFormat.NARROWPEAK) {
                facts.put("summits", summits);
            }
            if (reference != null) {
                facts.put("reference", reference.path().getFileName().toString());
            }
            List<String> warnings = new ArrayList<>();
            if (empty > 0) {
                warnings.add(empty + " empty intervals (end = start)");
            }
            if (unsorted != null) {
                warnings.add("not sorted by position (" + unsorted + "); fine for the intervals reader, not for tabix");
            }
            return new InspectionReport(parser.format().id(), parser.records(), facts, warnings);
        }
    }

    private static void checkAgainst(Reference reference, IntervalRecord r, Path file) throws InputFormatException {
        int contig = reference.contig(r.contig);
        if (contig < 0) {
            throw new InputFormatException(file, r.line, reference.describeMissing(r.contig));
        }
        if (r.end > reference.length(contig)) {
            throw new InputFormatException(file, r.line, "interval " + r.region() + " ends beyond " + r.contig + ", which has "
                    + reference.length(contig) + " bases in reference " + reference.path().getFileName()
                    + "; is the file for another assembly?");
        }
    }

    /** An interval list's header must describe the same contigs as the reference it is used with. */
    private static void checkHeader(Reference reference, IntervalParser parser, Path file) throws InputFormatException {
        for (SAMSequenceRecord sequence : parser.dictionary().getSequences()) {
            int contig = reference.contig(sequence.getSequenceName());
            if (contig >= 0 && reference.length(contig) != sequence.getSequenceLength()) {
                throw new InputFormatException(file, 0, "the header gives " + sequence.getSequenceName() + " "
                        + sequence.getSequenceLength() + " bases, but reference " + reference.path().getFileName() + " has "
                        + reference.length(contig) + "; the list is for another assembly");
            }
        }
    }
}
