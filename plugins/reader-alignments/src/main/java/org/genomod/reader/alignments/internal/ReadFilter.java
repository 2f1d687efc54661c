package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SAMFlag;
import htsjdk.samtools.SAMRecord;

/**
 * Which reads enter the pileup, in samtools' terms: the dropped flags are {@code mpileup --ff}, the
 * mapping quality is {@code -q}, and dropping improper pairs is mpileup's default that {@code -A}
 * turns off. Unmapped reads never enter.
 */
record ReadFilter(int minMappingQuality, boolean dropDuplicates, boolean dropSecondary, boolean dropSupplementary,
                  boolean dropQcFail, boolean dropImproperPairs) {

    /** The flags a read must not carry, as one mask (0x4 always). */
    int excludedFlags() {
        int mask = SAMFlag.READ_UNMAPPED.intValue();
        mask |= dropDuplicates ? SAMFlag.DUPLICATE_READ.intValue() : 0;
        mask |= dropSecondary ? SAMFlag.SECONDARY_ALIGNMENT.intValue() : 0;
        mask |= dropSupplementary ? SAMFlag.SUPPLEMENTARY_ALIGNMENT.intValue() : 0;
        mask |= dropQcFail ? SAMFlag.READ_FAILS_VENDOR_QUALITY_CHECK.intValue() : 0;
        return mask;
    }

    boolean accepts(SAMRecord read, int excludedFlags) {
        int flags = read.getFlags();
        if ((flags & excludedFlags) != 0 || read.getMappingQuality() < minMappingQuality) {
            return false;
        }
        return !(dropImproperPairs && (flags & SAMFlag.READ_PAIRED.intValue()) != 0
                && (flags & SAMFlag.PROPER_PAIR.intValue()) == 0);
    }
}
