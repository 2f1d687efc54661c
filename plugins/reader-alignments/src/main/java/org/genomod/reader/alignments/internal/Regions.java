package org.genomod.reader.alignments.internal;

import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.data.InputFormatException;

/**
 * samtools-style region strings: {@code chr20} (the whole contig), {@code chr20:1000} (from 1,000 to
 * the end) and {@code chr20:1,000-2,000} (1-based, inclusive). A contig name that itself contains a
 * colon is recognised when the whole string is a contig of the header.
 */
final class Regions {
    private Regions() {
    }

    /** Sorted, merged query intervals of the regions, checked against the alignments' header. */
    static QueryInterval[] parse(List<String> regions, SAMSequenceDictionary dictionary, Path alignments)
            throws InputFormatException {
        List<QueryInterval> intervals = new ArrayList<>();
        for (String region : regions) {
            intervals.add(parse(region.strip(), dictionary, alignments));
        }
        return QueryInterval.optimizeIntervals(intervals.toArray(QueryInterval[]::new));
    }

    private static QueryInterval parse(String region, SAMSequenceDictionary dictionary, Path alignments)
            throws InputFormatException {
        SAMSequenceRecord whole = dictionary.getSequence(region);
        if (whole != null) {
            return new QueryInterval(whole.getSequenceIndex(), 1, whole.getSequenceLength());
        }
        int colon = region.lastIndexOf(':');
        String contig = colon < 0 ? region : region.substring(0, colon);
        SAMSequenceRecord sequence = dictionary.getSequence(contig);
        if (sequence == null) {
            List<String> names = dictionary.getSequences().stream().map(SAMSequenceRecord::getSequenceName).toList();
            throw new InputFormatException(alignments, 0, "region '" + region + "' names contig '" + contig
                    + "', which the alignments' header does not list" + ContigNaming.hint(contig, names));
        }
        String range = region.substring(colon + 1).replace(",", "");
        int dash = range.indexOf('-');
        long start;
        long end;
        try {
            start = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
            end = dash < 0 || dash == range.length() - 1 ? sequence.getSequenceLength() : Long.parseLong(range.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw new InputFormatException(alignments, 0, "region '" + region + "' is not contig, contig:start or contig:start-end");
        }
        if (start < 1 || end < start || start > sequence.getSequenceLength()) {
            throw new InputFormatException(alignments, 0, "region '" + region + "' is empty or outside contig " + contig
                    + " (1-" + sequence.getSequenceLength() + ")");
        }
        return new QueryInterval(sequence.getSequenceIndex(), (int) start, (int) Math.min(end, sequence.getSequenceLength()));
    }
}
