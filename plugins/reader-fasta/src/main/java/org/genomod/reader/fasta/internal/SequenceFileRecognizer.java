package org.genomod.reader.fasta.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a file's name and first bytes whether it is one of this bundle's formats, claiming
 * nothing another reader owns. A FASTA or FASTQ extension claims the file whatever it holds, so a
 * damaged one gets this reader's error rather than "unknown format". Otherwise the content decides,
 * conservatively: a first line starting with {@code >}; a complete FASTQ record; UCI lines whose third
 * field is a nucleotide sequence (any letters with the UCI extension {@code .data}); a tab-separated
 * header with a {@code seq} or {@code sequence} column. BED, VCF, SAM headers, expression matrices and
 * edge lists have none of these.
 */
final class SequenceFileRecognizer {
    static final Set<String> FASTA_EXTENSIONS = Set.of("fa", "fasta", "fna", "ffn", "faa", "frn", "fas", "fsa", "mfa");
    static final Set<String> FASTQ_EXTENSIONS = Set.of("fq", "fastq");
    private static final Set<String> COMPRESSION_EXTENSIONS = Set.of("gz", "bgz", "bgzf");
    private static final String UCI_EXTENSION = "data";
    private static final Set<String> SEQUENCE_COLUMNS = Set.of("seq", "sequence");
    /** Lines of the head looked at: enough to see records, few enough to stay cheap. */
    private static final int LINES = 20;
    private static final int SHORTEST_UCI_SEQUENCE = 8;

    private SequenceFileRecognizer() {
    }

    static boolean accepts(Path file, byte[] head) {
        String extension = extension(file);
        if (FASTA_EXTENSIONS.contains(extension) || FASTQ_EXTENSIONS.contains(extension)) {
            return true;
        }
        if (isBinary(head)) {
            return false;
        }
        List<String> lines = lines(head);
        boolean uciByName = extension.equals(UCI_EXTENSION);
        if (lines.isEmpty()) {
            return uciByName; // an empty .data file: ours to report as empty
        }
        return lines.get(0).startsWith(">") || isFastq(lines) || isUci(lines, uciByName) || isSequenceTsv(lines.get(0));
    }

    /** The extension before any compression suffix, lower case: {@code reads.fq.gz} gives {@code fq}. */
    static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && COMPRESSION_EXTENSIONS.contains(name.substring(dot + 1))) {
            name = name.substring(0, dot);
            dot = name.lastIndexOf('.');
        }
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** Control characters other than tab, CR and LF do not occur in text (a failed gzip head is its magic bytes). */
    private static boolean isBinary(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return true;
            }
        }
        return false;
    }

    /** The first non-blank lines, stripped; a last line the head cut off is left out unless it is all there is. */
    private static List<String> lines(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length() && lines.size() < LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                if (lines.isEmpty()) {
                    end = text.length();
                } else {
                    break;
                }
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    /** A whole first record: {@code @name}, letters, {@code +}, as many quality characters. */
    private static boolean isFastq(List<String> lines) {
        return lines.size() >= 4 && lines.get(0).startsWith("@") && lines.get(0).length() > 1
                && isLetters(lines.get(1), false) && lines.get(2).startsWith("+")
                && lines.get(3).length() == lines.get(1).length();
    }

    private static boolean isUci(List<String> lines, boolean byName) {
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            if (fields.length != 3 || fields[1].isBlank()) {
                return false;
            }
            String sequence = fields[2].strip();
            boolean plausible = byName ? isLetters(sequence, false)
                    : sequence.length() >= SHORTEST_UCI_SEQUENCE && isLetters(sequence, true);
            if (!plausible) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSequenceTsv(String header) {
        if (header.indexOf('\t') < 0) {
            return false;
        }
        for (String column : header.split("\t")) {
            if (SEQUENCE_COLUMNS.contains(column.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** @param nucleotidesOnly whether only DNA/RNA codes count, rather than any letter */
    private static boolean isLetters(String s, boolean nucleotidesOnly) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = nucleotidesOnly ? Alphabet.DNA.accepts(c) || Alphabet.RNA.accepts(c)
                    : c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '*';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
