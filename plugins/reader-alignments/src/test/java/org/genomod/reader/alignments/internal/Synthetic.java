package org.genomod.reader.alignments.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-made references and alignments in a temporary folder. */
final class Synthetic {
    /** The contig {@code ref}: ACGT repeated, 40 bases; position k (1-based) holds "ACGT"[(k - 1) % 4]. */
    static final String CONTIG = "ACGT".repeat(10);

    private Synthetic() {
    }

    static char base(int position) {
        return CONTIG.charAt(position - 1);
    }

    /** Reference bases of {@code [from, to]}. */
    static String bases(int from, int to) {
        return CONTIG.substring(from - 1, to);
    }

    /** Writes {@code ref.fa} and its {@code .fai}. */
    static Path reference(Path dir) throws IOException {
        Path fasta = Files.writeString(dir.resolve("ref.fa"), ">ref\n" + CONTIG + "\n");
        Files.writeString(dir.resolve("ref.fa.fai"), "ref\t" + CONTIG.length() + "\t5\t" + CONTIG.length() + "\t" + (CONTIG.length() + 1) + "\n");
        return fasta;
    }

    /** Writes a coordinate-sorted SAM of the given record lines over {@code ref}. */
    static Path sam(Path dir, String name, String... records) throws IOException {
        StringBuilder text = new StringBuilder("@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:ref\tLN:" + CONTIG.length() + "\n");
        for (String record : records) {
            text.append(record).append('\n');
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    /** One SAM record line; qualities as one character repeated. */
    static String read(String name, int flag, int position, int mapq, String cigar, String bases, char quality) {
        return String.join("\t", name, Integer.toString(flag), "ref", Integer.toString(position), Integer.toString(mapq), cigar,
                "*", "0", "0", bases, String.valueOf(quality).repeat(bases.length()));
    }

    /** Reference bases of {@code [from, to]} with one position changed. */
    static String with(int from, int to, int position, char base) {
        StringBuilder s = new StringBuilder(bases(from, to));
        s.setCharAt(position - from, base);
        return s.toString();
    }
}
