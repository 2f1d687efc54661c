package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFHeader;
import java.util.HashSet;
import java.util.Set;

/**
 * Says what is wrong with a VCF line htsjdk could not decode, in VCF terms. htsjdk's own messages can
 * mislead (an invalid ALT such as {@code IGA} is reported as an unsupported VCF 3 insertion), so the
 * columns are checked here, on the error path only, before falling back to htsjdk's message.
 */
final class LineDiagnosis {
    private LineDiagnosis() {
    }

    static String explain(String line, VCFHeader header, RuntimeException failure) {
        String[] columns = line.split("\t", -1);
        int expected = header.getColumnCount();
        if (columns.length < 8) {
            return "has " + columns.length + " tab-separated column" + (columns.length == 1 ? "" : "s")
                    + ", but a VCF record needs at least 8 (CHROM POS ID REF ALT QUAL FILTER INFO)"
                    + (columns.length == 1 && line.indexOf(' ') > 0 ? "; are the columns separated by spaces?" : "");
        }
        if (columns.length != expected) {
            return "has " + columns.length + " columns, but the header names " + expected
                    + (header.getNGenotypeSamples() > 0 ? " (9 + " + header.getNGenotypeSamples() + " samples)" : "");
        }
        if (!isPosition(columns[1])) {
            return "POS '" + columns[1] + "' is not a position";
        }
        String ref = columns[3];
        int bad = firstNonBase(ref);
        if (ref.isEmpty() || bad >= 0) {
            return ref.isEmpty() ? "REF is empty" : "REF '" + ref + "' has '" + ref.charAt(bad)
                    + "', which is not a base (REF is made of A, C, G, T and N)";
        }
        Set<String> seen = new HashSet<>();
        seen.add(ref.toUpperCase(java.util.Locale.ROOT));
        if (!columns[4].equals(".")) {
            for (String alt : columns[4].split(",", -1)) {
                if (!isAllele(alt)) {
                    return "ALT allele '" + alt + "' is neither bases (A, C, G, T, N) nor '*', a <symbolic> allele or a breakend";
                }
                if (!seen.add(alt.toUpperCase(java.util.Locale.ROOT))) {
                    return "ALT allele '" + alt + "' repeats " + (alt.equalsIgnoreCase(ref) ? "REF" : "another ALT allele");
                }
            }
        }
        String qual = qualProblem(columns[5]);
        if (qual != null) {
            return qual;
        }
        return HtsjdkMessages.clean(failure);
    }

    private static boolean isPosition(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBase(String bases) {
        for (int i = 0; i < bases.length(); i++) {
            switch (bases.charAt(i)) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n':
                    break;
                default:
                    return i;
            }
        }
        return -1;
    }

    private static boolean isAllele(String alt) {
        if (alt.isEmpty()) {
            return false;
        }
        if (alt.equals("*") || alt.startsWith("<") && alt.endsWith(">") && alt.length() > 2
                || alt.indexOf('[') >= 0 || alt.indexOf(']') >= 0) {
            return true;
        }
        String bases = alt.startsWith(".") ? alt.substring(1) : alt.endsWith(".") ? alt.substring(0, alt.length() - 1) : alt;
        return !bases.isEmpty() && firstNonBase(bases) < 0; // single breakends are written G. or .G
    }

    /** What is wrong with a QUAL value, or {@code null}: '.', a number >= 0, or NaN (read as unknown). */
    private static String qualProblem(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (s.equals(".") || lower.equals("nan") || lower.equals("-nan") || lower.equals("+nan")) {
            return null;
        }
        double q;
        try {
            q = Double.parseDouble(lower.replace("infinity", "inf").replace("inf", "Infinity"));
        } catch (NumberFormatException e) {
            return "QUAL '" + s + "' is not a number";
        }
        return q < 0 ? "QUAL '" + s + "' is negative, but a phred-scaled quality is at least 0" : null;
    }
}
