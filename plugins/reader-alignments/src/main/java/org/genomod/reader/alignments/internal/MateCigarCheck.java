package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SAMFlag;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMTag;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that a read's MC tag (its mate's CIGAR) matches the CIGAR of that mate, found by name, read
 * number and the position the read gives for it. Only primary alignments with both mates mapped are
 * compared. Pending reads whose mate can no longer come in a coordinate-sorted file are dropped, so
 * memory follows insert size times depth; region extracts, whose mates may be missing, pass.
 */
final class MateCigarCheck {
    private static final int NOT_CHECKED = SAMFlag.READ_UNMAPPED.intValue() | SAMFlag.MATE_UNMAPPED.intValue()
            | SAMFlag.SECONDARY_ALIGNMENT.intValue() | SAMFlag.SUPPLEMENTARY_ALIGNMENT.intValue();
    private static final int PURGE_EVERY = 100_000;
    private static final int MAX_PENDING = 2_000_000;

    /** What one read of a pair expects of its mate, and its own CIGAR for the mate's MC. */
    private record Pending(long record, String mateCigar, String ownCigar, int mateContig, int mateStart) {
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private long sinceLastPurge;

    /**
     * @return {@code null}, or a sentence describing the mismatch found at this record
     */
    String check(SAMRecord read, long recordNumber, boolean coordinateSorted) {
        int flags = read.getFlags();
        if ((flags & SAMFlag.READ_PAIRED.intValue()) == 0 || (flags & NOT_CHECKED) != 0) {
            return null;
        }
        Object mc = read.getAttribute(SAMTag.MC.name());
        Pending mate = pending.remove(key(read.getReadName(), read.getFirstOfPairFlag(), read.getReferenceIndex(), read.getAlignmentStart()));
        if (mate != null) {
            if (mate.mateCigar != null && !mate.mateCigar.equals(read.getCigarString())) {
                return mismatch(mate.record, read.getReadName(), mate.mateCigar, recordNumber, read.getCigarString());
            }
            if (mc != null && !mc.toString().equals(mate.ownCigar)) {
                return mismatch(recordNumber, read.getReadName(), mc.toString(), mate.record, mate.ownCigar);
            }
            return null;
        }
        if (pending.size() < MAX_PENDING) {
            pending.put(key(read.getReadName(), !read.getFirstOfPairFlag(), read.getMateReferenceIndex(), read.getMateAlignmentStart()),
                    new Pending(recordNumber, mc == null ? null : mc.toString(), read.getCigarString(),
                            read.getMateReferenceIndex(), read.getMateAlignmentStart()));
        }
        if (coordinateSorted && ++sinceLastPurge >= PURGE_EVERY) {
            sinceLastPurge = 0;
            purgeBefore(read.getReferenceIndex(), read.getAlignmentStart());
        }
        return null;
    }

    private void purgeBefore(int contig, int start) {
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.mateContig < contig || (p.mateContig == contig && p.mateStart < start)) {
                it.remove();
            }
        }
    }

    private static String key(String name, boolean firstOfPair, int contig, int start) {
        return name + (firstOfPair ? "/1@" : "/2@") + contig + ':' + start;
    }

    private static String mismatch(long record, String name, String mc, long mateRecord, String mateCigar) {
        return String.format(java.util.Locale.ROOT, "record %,d (%s) has MC:Z:%s, but its mate (record %,d) has CIGAR %s",
                record, name, mc, mateRecord, mateCigar);
    }
}
