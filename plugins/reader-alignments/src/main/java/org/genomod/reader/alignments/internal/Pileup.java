package org.genomod.reader.alignments.internal;

import htsjdk.samtools.CigarOperator;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * A sliding pileup over one contig interval. Reads arrive sorted by alignment start; a position is
 * finished once a read starting after it arrives (no later read can cover it), and is then handed to
 * the {@link Listener} together with the reads covering it. Memory is bounded by depth times read span.
 *
 * <p>Counting follows {@code samtools mpileup} run without BAQ and overlap detection ({@code -B -x}):
 * a base counts when its quality is at least {@code minBaseQuality}; a read with a deletion across a
 * position counts there when the quality of the read's next base after the deletion passes, which is
 * how htslib judges deletions. Indels are also counted as alleles at their anchor (the reference base
 * before them), left-normalised against the reference so that one indel is one allele.
 */
final class Pileup {

    /** Receives each finished position of the interval, in order. */
    interface Listener {
        void site(long position, Pileup pileup);
    }

    private final Reference reference;
    private final int minBaseQuality;
    private final long from;
    private final long to;
    private final Listener listener;
    private final SiteTallies tallies = new SiteTallies();
    private final ArrayDeque<AlignedRead> active = new ArrayDeque<>();
    private long reach;

    /** A pileup of positions {@code [from, to]} (1-based, inclusive) of the contig {@code reference} has selected. */
    Pileup(Reference reference, int minBaseQuality, long from, long to, Listener listener) {
        this.reference = reference;
        this.minBaseQuality = minBaseQuality;
        this.from = from;
        this.to = to;
        this.listener = listener;
        tallies.reset(from);
        reach = from - 1;
    }

    /** Adds the next read (alignment starts must not decrease), finishing every position before its start. */
    void add(AlignedRead read) {
        finishBefore(read.start);
        tallies.reach(Math.min(read.end, to));
        tally(read);
        active.addLast(read);
        reach = Math.max(reach, read.end);
    }

    /** Finishes every remaining position. */
    void finish() {
        finishBefore(Long.MAX_VALUE);
    }

    private void finishBefore(long position) {
        long stop = Math.min(position, to + 1);
        long next = tallies.first();
        while (next < stop && next <= reach) {
            listener.site(next, this);
            tallies.advance();
            next++;
            while (!active.isEmpty() && active.peekFirst().end < next) {
                active.pollFirst();
            }
        }
        if (next < stop) { // nothing covers the gap up to the next read: jump over it
            active.clear();
            tallies.reset(stop);
        }
    }

    private void tally(AlignedRead read) {
        long ref = read.start;
        int pos = 0;
        boolean anchored = false;
        byte[] bases = read.bases;
        byte[] quals = read.qualities;
        for (int i = 0; i < read.operators.length; i++) {
            CigarOperator op = read.operators[i];
            int len = read.lengths[i];
            switch (op) {
                case M, EQ, X -> {
                    long lo = Math.max(ref, from);
                    long hi = Math.min(ref + len - 1, to);
                    for (long p = lo; p <= hi; p++) {
                        int k = pos + (int) (p - ref);
                        if (quals[k] >= minBaseQuality) {
                            tallies.addBase(p, Bases.code(bases[k]));
                        }
                    }
                    ref += len;
                    pos += len;
                    anchored = true;
                }
                case I -> {
                    if (anchored && confident(bases, quals, pos, len)) {
                        countInsertion(read, ref - 1, java.util.Arrays.copyOfRange(bases, pos, pos + len));
                    }
                    pos += len;
                    anchored = false;
                }
                case D -> {
                    int next = pos < quals.length ? quals[pos] : 0;
                    if (next >= minBaseQuality) {
                        long hi = Math.min(ref + len - 1, to);
                        for (long p = Math.max(ref, from); p <= hi; p++) {
                            tallies.addDeletion(p);
                        }
                    }
                    if (anchored && quals[pos - 1] >= minBaseQuality) {
                        countDeletion(read, ref - 1, len);
                    }
                    ref += len;
                    anchored = false;
                }
                case N -> {
                    ref += len;
                    anchored = false;
                }
                case S -> {
                    pos += len;
                    anchored = false;
                }
                default -> { // H, P: nothing aligned
                }
            }
        }
    }

    private boolean confident(byte[] bases, byte[] quals, int pos, int len) {
        for (int k = pos; k < pos + len; k++) {
            if (quals[k] < minBaseQuality || !Bases.isAcgt(bases[k])) {
                return false;
            }
        }
        return true;
    }

    /** Moves a deletion of {@code length} bases after {@code anchor} as far left as the reference allows. */
    private void countDeletion(AlignedRead read, long anchor, int length) {
        long floor = tallies.first();
        while (anchor > floor && anchor > 1 && Bases.isAcgt(reference.base(anchor))
                && reference.base(anchor) == reference.base(anchor + length)) {
            anchor--;
        }
        if (anchor >= from && anchor <= to) {
            read.recordIndel(anchor, tallies.addIndel(anchor, IndelAllele.deletion(length)));
        }
    }

    /** Moves an insertion after {@code anchor} as far left as the reference allows, rotating its bases. */
    private void countInsertion(AlignedRead read, long anchor, byte[] inserted) {
        long floor = tallies.first();
        int n = inserted.length;
        while (anchor > floor && anchor > 1 && Bases.isAcgt(inserted[n - 1]) && reference.base(anchor) == inserted[n - 1]) {
            System.arraycopy(inserted, 0, inserted, 1, n - 1);
            inserted[0] = reference.base(anchor);
            anchor--;
        }
        if (anchor >= from && anchor <= to) {
            read.recordIndel(anchor, tallies.addIndel(anchor, IndelAllele.insertion(inserted)));
        }
    }

    /** Reads with a quality-passing base of this code at the position being finished. */
    int count(long position, int code) {
        return tallies.count(position, code);
    }

    /** Reads with a deletion across the position (that passed the quality rule). */
    int deletions(long position) {
        return tallies.count(position, SiteTallies.DELETIONS);
    }

    /** samtools' depth: quality-passing bases plus deletions. */
    int depth(long position) {
        return tallies.depth(position);
    }

    List<IndelAllele> indels(long position) {
        return tallies.indels(position);
    }

    /** The reads that may cover the position being finished, in arrival order (check their span). */
    Iterator<AlignedRead> reads() {
        return active.iterator();
    }
}
