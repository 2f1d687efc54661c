package org.genomod.reader.alignments.internal;

import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * Streams the reads of the requested intervals (each with one index query), or of the whole file in
 * one pass, through a {@link Pileup} per contig interval. Checks on the way that the file is sorted by
 * coordinate and that every contig whose reads are used is in the reference, with the same length.
 */
final class PileupWalk {
    private static final int CANCELLATION_INTERVAL = 4096;

    /** Supplies the listener of each contig interval as its first usable read arrives. */
    interface Sites {
        Pileup.Listener begin(String contig, long from, long to) throws InputFormatException;
    }

    private final Path file;
    private final SamReader reader;
    private final Reference reference;
    private final ReadFilter filter;
    private final int excludedFlags;
    private final int minBaseQuality;
    private final Cancellation cancellation;
    private long records;
    private long readsUsed;

    PileupWalk(Path file, SamReader reader, Reference reference, ReadFilter filter, int minBaseQuality, Cancellation cancellation) {
        this.file = file;
        this.reader = reader;
        this.reference = reference;
        this.filter = filter;
        this.excludedFlags = filter.excludedFlags();
        this.minBaseQuality = minBaseQuality;
        this.cancellation = cancellation;
    }

    /** Records read from the file (all of them, filtered or not). */
    long records() {
        return records;
    }

    /** Reads that passed the filters and entered a pileup. */
    long readsUsed() {
        return readsUsed;
    }

    /** @param intervals sorted and merged; empty for the whole file */
    void run(QueryInterval[] intervals, Sites sites) throws InputFormatException {
        try {
            if (intervals.length == 0) {
                try (SAMRecordIterator it = reader.iterator()) {
                    walk(it, null, sites);
                }
                return;
            }
            if (!reader.hasIndex()) {
                throw new InputFormatException(file, 0, "the alignments have no index (.bai/.crai), which a region needs;"
                        + " index them with samtools index or drop the region");
            }
            SAMSequenceDictionary dictionary = reader.getFileHeader().getSequenceDictionary();
            for (QueryInterval interval : intervals) {
                String contig = dictionary.getSequence(interval.referenceIndex).getSequenceName();
                try (SAMRecordIterator it = reader.query(contig, interval.start, interval.end, false)) {
                    walk(it, interval, sites);
                }
            }
        } catch (InputProblem e) {
            throw e.problem();
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw HtsErrors.translate(file, e, records);
        }
    }

    private void walk(SAMRecordIterator it, QueryInterval interval, Sites sites) throws InputFormatException {
        SAMSequenceDictionary dictionary = reader.getFileHeader().getSequenceDictionary();
        Pileup pileup = null;
        int pileupContig = -1;
        int lastContig = -1;
        long lastStart = 0;
        String lastName = null;
        while (it.hasNext()) {
            SAMRecord record = it.next();
            records++;
            if (records % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
            }
            int contig = record.getReferenceIndex();
            if (contig < 0) {
                break; // unplaced unmapped reads close a coordinate-sorted file
            }
            int start = record.getAlignmentStart();
            if (contig < lastContig || (contig == lastContig && start < lastStart)) {
                throw new InputFormatException(file, 0, String.format(Locale.ROOT,
                        "record %,d (%s at %s:%d) comes after %s at %s:%d: the alignments are not sorted by coordinate;"
                                + " sort them with samtools sort", records, record.getReadName(), record.getReferenceName(), start,
                        lastName, dictionary.getSequence(lastContig).getSequenceName(), lastStart));
            }
            lastContig = contig;
            lastStart = start;
            lastName = record.getReadName();
            if (!filter.accepts(record, excludedFlags)) {
                continue;
            }
            AlignedRead read = AlignedRead.of(record);
            if (read == null) {
                continue;
            }
            if (contig != pileupContig) {
                if (pileup != null) {
                    pileup.finish();
                }
                SAMSequenceRecord sequence = dictionary.getSequence(contig);
                long from = interval == null ? 1 : interval.start;
                long to = interval == null ? sequence.getSequenceLength() : interval.end;
                pileup = begin(sequence, from, to, sites);
                pileupContig = contig;
            }
            readsUsed++;
            pileup.add(read);
        }
        if (pileup != null) {
            pileup.finish();
        }
    }

    private Pileup begin(SAMSequenceRecord sequence, long from, long to, Sites sites) throws InputFormatException {
        String name = sequence.getSequenceName();
        long length = reference.length(name);
        if (length < 0) {
            throw new InputFormatException(file, 0, "the alignments have reads on contig '" + name + "', which reference "
                    + reference.path().getFileName() + " lacks" + ContigNaming.hint(name, reference.contigs()));
        }
        if (length != sequence.getSequenceLength()) {
            throw new InputFormatException(file, 0, String.format(Locale.ROOT,
                    "contig '%s' is %,d bp in the alignments' header but %,d bp in reference %s: the reads were aligned to another assembly",
                    name, sequence.getSequenceLength(), length, reference.path().getFileName()));
        }
        reference.select(name);
        return new Pileup(reference, minBaseQuality, from, to, sites.begin(name, from, to));
    }
}
