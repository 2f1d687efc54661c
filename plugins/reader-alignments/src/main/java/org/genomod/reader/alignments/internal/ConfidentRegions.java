package org.genomod.reader.alignments.internal;

import htsjdk.tribble.AbstractFeatureReader;
import htsjdk.tribble.CloseableTribbleIterator;
import htsjdk.tribble.FeatureReader;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.bed.BEDCodec;
import htsjdk.tribble.bed.BEDFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.genomod.api.data.InputFormatException;

/** The confident intervals of one contig from a BED file, merged, for containment tests by binary search. */
final class ConfidentRegions {
    private final long[] starts;
    private final long[] ends;

    private ConfidentRegions(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Whether {@code [start, end]} (1-based, inclusive) lies inside one interval. */
    boolean contains(long start, long end) {
        int i = Arrays.binarySearch(starts, start);
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 && end <= ends[at];
    }

    static ConfidentRegions load(Path bed, String contig) throws InputFormatException {
        long[][] intervals = new long[16][];
        int n = 0;
        Set<String> contigs = new LinkedHashSet<>();
        try (FeatureReader<BEDFeature> reader = AbstractFeatureReader.getFeatureReader(bed.toString(), new BEDCodec(), false);
             CloseableTribbleIterator<BEDFeature> features = reader.iterator()) {
            for (BEDFeature feature : features) {
                contigs.add(feature.getContig());
                if (feature.getContig().equals(contig) && feature.getEnd() >= feature.getStart()) {
                    if (n == intervals.length) {
                        intervals = Arrays.copyOf(intervals, n * 2);
                    }
                    intervals[n++] = new long[] {feature.getStart(), feature.getEnd()};
                }
            }
        } catch (TribbleException | IOException | NumberFormatException e) {
            throw new InputFormatException(bed, 0, "the confident-regions BED cannot be read: " + e.getMessage());
        }
        if (n == 0 && ContigNaming.otherSpelling(contig, contigs).isPresent()) {
            throw new InputFormatException(bed, 0, "the confident-regions BED has no intervals on contig '" + contig
                    + "', which the alignments use" + ContigNaming.hint(contig, contigs));
        }
        long[][] sorted = Arrays.copyOf(intervals, n);
        Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
        long[] starts = new long[n];
        long[] ends = new long[n];
        int m = 0;
        for (long[] interval : sorted) {
            if (m > 0 && interval[0] <= ends[m - 1] + 1) {
                ends[m - 1] = Math.max(ends[m - 1], interval[1]);
            } else {
                starts[m] = interval[0];
                ends[m++] = interval[1];
            }
        }
        return new ConfidentRegions(Arrays.copyOf(starts, m), Arrays.copyOf(ends, m));
    }
}
