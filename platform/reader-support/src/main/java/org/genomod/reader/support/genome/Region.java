package org.genomod.reader.support.genome;

/**
 * A region as samtools and bcftools write it: {@code chr20} (the whole contig), {@code chr20:10000000}
 * (to the contig's end) or {@code chr20:10,000,000-10,050,000}; 1-based and inclusive. An open end is
 * {@link Long#MAX_VALUE}, since the contig's length is not known when the text is read.
 */
public record Region(String contig, long start, long end) {

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static Region parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("region '" + text + "' names no contig");
            }
            return new Region(s, 1, Long.MAX_VALUE);
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

    /** Whether a 1-based position lies inside the region. */
    public boolean contains(String otherContig, long position) {
        return contig.equals(otherContig) && position >= start && position <= end;
    }

    /** Whether a record at {@code otherContig:from-to} overlaps the region, as {@code bcftools view -r} decides. */
    public boolean overlaps(String otherContig, long from, long to) {
        return contig.equals(otherContig) && from <= end && to >= start;
    }

    /** The same stretch on a contig of another name, e.g. the reference's name for it. */
    public Region onContig(String name) {
        return new Region(name, start, end);
    }

    /** The end as an int for index queries (htsjdk's coordinates are ints), an open end being the largest. */
    public int queryEnd() {
        return (int) Math.min(end, Integer.MAX_VALUE);
    }

    /** The region as samtools writes it, so that it parses back to itself. */
    @Override
    public String toString() {
        return end == Long.MAX_VALUE ? (start == 1 ? contig : contig + ":" + start) : contig + ":" + start + "-" + end;
    }
}
