package org.genomod.reader.vcf.internal;

/**
 * Turns htsjdk's exception messages into the middle of one sentence: the decorations it adds (a
 * guessed line number, the input source, "malformed header" preambles) are dropped, because the
 * caller names the file and the exact line or record itself.
 */
final class HtsjdkMessages {
    private static final String[] PREFIXES = {
        "Unable to parse header with error: ",
        "Your input file has a malformed header: ",
        "The provided VCF file is malformed at approximately line number ",
    };

    private HtsjdkMessages() {
    }

    static String clean(Throwable e) {
        Throwable shown = e;
        // "Error parsing <reader> at the first record" wraps the useful cause
        while (shown.getCause() != null && (shown.getMessage() == null || shown.getMessage().startsWith("Error parsing ")
                || shown.getMessage().startsWith("java."))) {
            shown = shown.getCause();
        }
        if (shown instanceof NumberFormatException) {
            return "a value that must be a number is not one (" + shown.getMessage() + ")";
        }
        if (shown instanceof java.io.EOFException) {
            return "the data ends in the middle of a record (truncated file?)";
        }
        String m = shown.getMessage();
        if (m == null || m.isBlank()) {
            return shown.getClass().getSimpleName();
        }
        int source = m.indexOf(", for input source: ");
        if (source >= 0) {
            m = m.substring(0, source);
        }
        int atRecord = m.indexOf(", at record ");
        if (atRecord >= 0) {
            m = m.substring(0, atRecord);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (String prefix : PREFIXES) {
                if (m.startsWith(prefix)) {
                    m = m.substring(prefix.length());
                    if (prefix.endsWith("line number ")) {
                        m = m.substring(m.indexOf(": ") + 2); // htsjdk's own, approximate line number
                    }
                    changed = true;
                }
            }
        }
        if (m.startsWith("Line ") && m.indexOf(": ") > 0) {
            m = m.substring(m.indexOf(": ") + 2);
        }
        return m.strip();
    }
}
