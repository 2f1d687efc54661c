package org.genomod.reader.fasta.internal;

/**
 * Recognises record names that are genomic coordinates and gives their contig, the group that
 * chromosome hold-out splits need: {@code chr4:126246986-126247186} (samtools, bedtools getfasta,
 * Janggu; an optional strand suffix {@code (+)}) and {@code chr1,+,69315,69415} (iONMF). Parsed by
 * hand: it runs once per record.
 */
final class GenomicId {
    private GenomicId() {
    }

    /** The contig of a coordinate name, or {@code null} when {@code id} is not one. */
    static String contigOf(String id) {
        String colon = colonForm(id);
        return colon != null ? colon : commaForm(id);
    }

    /** {@code CONTIG:START-END} with an optional {@code (+)}, {@code (-)} or {@code (.)} suffix. */
    private static String colonForm(String id) {
        int colon = id.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        int end = id.length();
        if (end - colon > 3 && id.charAt(end - 1) == ')' && id.charAt(end - 3) == '(' && isStrand(id.charAt(end - 2))) {
            end -= 3;
        }
        int dash = id.indexOf('-', colon);
        return dash > 0 && isDigits(id, colon + 1, dash) && isDigits(id, dash + 1, end) ? id.substring(0, colon) : null;
    }

    /** {@code CONTIG,STRAND,START,END}. */
    private static String commaForm(String id) {
        int first = id.indexOf(',');
        int second = first < 0 ? -1 : id.indexOf(',', first + 1);
        int third = second < 0 ? -1 : id.indexOf(',', second + 1);
        if (first <= 0 || second != first + 2 || third < 0 || !isStrand(id.charAt(first + 1))) {
            return null;
        }
        return isDigits(id, second + 1, third) && isDigits(id, third + 1, id.length()) ? id.substring(0, first) : null;
    }

    private static boolean isStrand(char c) {
        return c == '+' || c == '-' || c == '.';
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
