package org.genomod.reader.fasta.internal;

/**
 * A FASTA or FASTQ header after its {@code >} or {@code @}: the record's name and the label it carries.
 * The name is the first word (a trailing {@code ;} dropped). The label is the value of the first
 * {@code KEY:VALUE} or {@code KEY=VALUE} word for the label key (iONMF writes
 * {@code >chr1,+,69315,69415; class:0}); without one, the last word when there are two or more
 * ({@code >seq17 motif}). Split by hand rather than by regex: this runs once per record.
 *
 * @param label {@code null} when the header carries none
 */
record Header(String id, String label) {

    /**
     * @param text     the header line without its marker
     * @param labelKey the key of a {@code KEY:VALUE} label word; {@code null} or empty for last-word labels only
     * @return {@code null} when the header has no name
     */
    static Header parse(String text, String labelKey) {
        int n = text.length();
        int start = skipSpace(text, 0);
        if (start == n) {
            return null;
        }
        int end = skipWord(text, start);
        String id = trimSemicolon(text, start, end);
        if (id.isEmpty()) {
            return null;
        }
        String lastWord = null;
        for (int from = skipSpace(text, end); from < n; from = skipSpace(text, end)) {
            end = skipWord(text, from);
            String keyed = keyedValue(text, from, end, labelKey);
            if (keyed != null) {
                return new Header(id, keyed.isEmpty() ? null : keyed);
            }
            lastWord = text.substring(from, end);
        }
        return new Header(id, lastWord);
    }

    /** The value of {@code KEY:VALUE} or {@code KEY=VALUE} in {@code text[from, end)}, or {@code null}. */
    private static String keyedValue(String text, int from, int end, String key) {
        if (key == null || key.isEmpty() || end - from <= key.length() || !text.startsWith(key, from)) {
            return null;
        }
        char separator = text.charAt(from + key.length());
        return separator == ':' || separator == '=' ? trimSemicolon(text, from + key.length() + 1, end) : null;
    }

    private static String trimSemicolon(String text, int from, int end) {
        return text.substring(from, end > from && text.charAt(end - 1) == ';' ? end - 1 : end);
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipWord(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
