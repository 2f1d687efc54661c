package org.genomod.reader.alignments.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings VCF alleles to the form candidates take, so that truth and candidates compare as strings:
 * shared leading and trailing bases trimmed, indels shifted left as far as the reference allows
 * (vt normalize's algorithm; never through N, which stands for unknown sequence), and same-length multi-base substitutions split into SNVs. Keys read
 * {@code position:REF>ALT}; other complex alleles keep their trimmed form.
 */
final class Normalisation {
    private Normalisation() {
    }

    static String key(long position, String ref, String alt) {
        return position + ":" + ref + ">" + alt;
    }

    /** The keys of one REF/ALT pair on the contig the reference has selected. */
    static List<String> keys(long position, String ref, String alt, Reference reference) {
        String r = ref.toUpperCase(java.util.Locale.ROOT);
        String a = alt.toUpperCase(java.util.Locale.ROOT);
        while (r.length() > 1 && a.length() > 1 && r.charAt(r.length() - 1) == a.charAt(a.length() - 1)) {
            r = r.substring(0, r.length() - 1);
            a = a.substring(0, a.length() - 1);
        }
        long pos = position;
        while (r.length() > 1 && a.length() > 1 && r.charAt(0) == a.charAt(0)) {
            r = r.substring(1);
            a = a.substring(1);
            pos++;
        }
        List<String> keys = new ArrayList<>(1);
        if (r.length() == a.length()) {
            for (int i = 0; i < r.length(); i++) {
                if (r.charAt(i) != a.charAt(i)) {
                    keys.add(key(pos + i, String.valueOf(r.charAt(i)), String.valueOf(a.charAt(i))));
                }
            }
        } else if (a.length() == 1 && r.charAt(0) == a.charAt(0)) {
            keys.add(deletion(pos, r.length() - 1, reference));
        } else if (r.length() == 1 && r.charAt(0) == a.charAt(0)) {
            keys.add(insertion(pos, a.substring(1).getBytes(java.nio.charset.StandardCharsets.US_ASCII), reference));
        } else {
            keys.add(key(pos, r, a));
        }
        return keys;
    }

    /** A deletion of {@code length} bases after {@code anchor}, shifted left, as a key. */
    static String deletion(long anchor, int length, Reference reference) {
        long a = anchor;
        while (a > 1 && Bases.isAcgt(reference.base(a)) && reference.base(a) == reference.base(a + length)) {
            a--;
        }
        return key(a, bases(reference, a, a + length), bases(reference, a, a));
    }

    /** An insertion after {@code anchor}, shifted left with its bases rotated, as a key. */
    static String insertion(long anchor, byte[] inserted, Reference reference) {
        long a = anchor;
        byte[] s = inserted.clone();
        int n = s.length;
        while (a > 1 && Bases.isAcgt(s[n - 1]) && reference.base(a) == s[n - 1]) {
            System.arraycopy(s, 0, s, 1, n - 1);
            s[0] = reference.base(a);
            a--;
        }
        String anchorBase = bases(reference, a, a);
        return key(a, anchorBase, anchorBase + new String(s, java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String bases(Reference reference, long from, long to) {
        StringBuilder s = new StringBuilder((int) (to - from + 1));
        for (long p = from; p <= to; p++) {
            s.append((char) reference.base(p));
        }
        return s.toString();
    }
}
