package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import java.util.List;

/**
 * A region in the VCF's own contig names, written as samtools and bcftools take it: {@code chr20},
 * {@code chr20:10000000} (to the contig's end) or {@code chr20:10,000,000-10,050,000}, 1-based and
 * inclusive. A record belongs to it when it overlaps it, as with {@code bcftools view -r}.
 */
record Region(String contig, long start, long end) {

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    static Region parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return whole(s, text);
        }
        String contig = s.substring(0, colon);
        String range = s.substring(colon + 1).replace(",", "");
        int dash = range.indexOf('-');
        long start = position(dash < 0 ? range : range.substring(0, dash), text);
        long end = dash < 0 || dash == range.length() - 1 ? Long.MAX_VALUE : position(range.substring(dash + 1), text);
        if (contig.isEmpty() || end < start) {
            throw new IllegalArgumentException("region '" + text + "' is not contig, contig:start or contig:start-end with start <= end");
        }
        return new Region(contig, start, end);
    }

    private static Region whole(String contig, String text) {
        if (contig.isEmpty()) {
            throw new IllegalArgumentException("region '" + text + "' names no contig");
        }
        return new Region(contig, 1, Long.MAX_VALUE);
    }

    private static long position(String digits, String text) {
        try {
            long p = Long.parseLong(digits);
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("region '" + text + "' has '" + digits + "' where a 1-based position belongs");
    }

    boolean overlaps(VariantContext vc) {
        return overlaps(vc.getContig(), vc.getStart(), vc.getEnd());
    }

    /** Whether a record at {@code recordContig:recordStart-recordEnd} overlaps the region. */
    boolean overlaps(String recordContig, long recordStart, long recordEnd) {
        return contig.equals(recordContig) && recordStart <= end && recordEnd >= start;
    }

    /**
     * Why a region may have found nothing, for the message when it did: its contig is not among those the
     * header declares (perhaps under the other naming scheme). Empty when the header declares it or none.
     */
    String hint(VCFHeader header) {
        List<String> declared = header.getContigLines().stream().map(VCFContigHeaderLine::getID).toList();
        if (declared.isEmpty() || declared.contains(contig)) {
            return "";
        }
        String other = contig.regionMatches(true, 0, "chr", 0, 3) ? contig.substring(3) : "chr" + contig;
        return declared.contains(other) ? "; the VCF names that contig '" + other + "'"
                : "; the VCF header declares no contig '" + contig + "'";
    }

    /** The end as an int for index queries (htsjdk's coordinates are ints). */
    int queryEnd() {
        return (int) Math.min(end, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return end == Long.MAX_VALUE ? (start == 1 ? contig : contig + ":" + start) : contig + ":" + start + "-" + end;
    }
}
