package org.genomod.reader.alignments.internal;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMRecord;
import java.util.Arrays;
import java.util.List;

/**
 * What the pileup keeps of one read while it overlaps the positions being finished: its alignment
 * as arrays, and the indels it showed (left-normalised, as counted), to tell whether it supports a
 * candidate indel.
 */
final class AlignedRead {
    /** Reads without stored qualities ({@code *}) count as confident bases. */
    private static final byte MISSING_QUALITY = 60;

    final String name;
    final boolean secondOfPair;
    final boolean reverse;
    final int mappingQuality;
    final long start;
    final long end;
    final byte[] bases;
    final byte[] qualities;
    final CigarOperator[] operators;
    final int[] lengths;
    /** Deterministic, position-independent sampling key: the same read wins at every candidate it covers. */
    final long samplingKey;

    private long[] indelAnchors;
    private IndelAllele[] indelAlleles;
    private int indelCount;

    private AlignedRead(SAMRecord record, List<CigarElement> cigar) {
        name = record.getReadName();
        secondOfPair = record.getReadPairedFlag() && record.getSecondOfPairFlag();
        reverse = record.getReadNegativeStrandFlag();
        mappingQuality = record.getMappingQuality();
        start = record.getAlignmentStart();
        end = record.getAlignmentEnd();
        bases = record.getReadBases();
        byte[] q = record.getBaseQualities();
        if (q.length == bases.length) {
            qualities = q;
        } else {
            qualities = new byte[bases.length];
            Arrays.fill(qualities, MISSING_QUALITY);
        }
        operators = new CigarOperator[cigar.size()];
        lengths = new int[cigar.size()];
        for (int i = 0; i < operators.length; i++) {
            operators[i] = cigar.get(i).getOperator();
            lengths[i] = cigar.get(i).getLength();
        }
        samplingKey = mix(name.hashCode() * 31L + (secondOfPair ? 2 : 1));
    }

    /** The read as the pileup uses it, or {@code null} when it has no bases or no aligned base. */
    static AlignedRead of(SAMRecord record) {
        if (record.getReadBases().length == 0 || record.getAlignmentEnd() < record.getAlignmentStart()) {
            return null;
        }
        return new AlignedRead(record, record.getCigar().getCigarElements());
    }

    /** SplitMix64's finaliser: spreads name hashes so that sampling is not biased by name order. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    void recordIndel(long anchor, IndelAllele allele) {
        if (indelAnchors == null) {
            indelAnchors = new long[2];
            indelAlleles = new IndelAllele[2];
        } else if (indelCount == indelAnchors.length) {
            indelAnchors = Arrays.copyOf(indelAnchors, indelCount * 2);
            indelAlleles = Arrays.copyOf(indelAlleles, indelCount * 2);
        }
        indelAnchors[indelCount] = anchor;
        indelAlleles[indelCount++] = allele;
    }

    /** Whether the read showed this indel (as normalised) after this anchor. */
    boolean showsIndel(long anchor, IndelAllele allele) {
        for (int i = 0; i < indelCount; i++) {
            if (indelAnchors[i] == anchor && indelAlleles[i].sameAs(allele)) {
                return true;
            }
        }
        return false;
    }

    /** The read base aligned to a reference position, or 0 when the read has none there (deletion, skip, outside). */
    byte baseAt(long position) {
        if (position < start || position > end) {
            return 0;
        }
        long ref = start;
        int read = 0;
        for (int i = 0; i < operators.length; i++) {
            CigarOperator op = operators[i];
            int len = lengths[i];
            if (op.consumesReferenceBases() && op.consumesReadBases()) {
                if (position < ref + len) {
                    return bases[read + (int) (position - ref)];
                }
                ref += len;
                read += len;
            } else if (op.consumesReferenceBases()) {
                if (position < ref + len) {
                    return 0;
                }
                ref += len;
            } else if (op.consumesReadBases()) {
                read += len;
            }
        }
        return 0;
    }

    /** Sorting rows as DeepVariant does: by alignment start, then fragment name and read number. */
    static int byAlignment(AlignedRead a, AlignedRead b) {
        int c = Long.compare(a.start, b.start);
        if (c == 0) {
            c = a.name.compareTo(b.name);
        }
        return c != 0 ? c : Boolean.compare(a.secondOfPair, b.secondOfPair);
    }
}
