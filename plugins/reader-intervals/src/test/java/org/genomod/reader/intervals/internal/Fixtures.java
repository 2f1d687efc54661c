package org.genomod.reader.intervals.internal;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.samtools.util.GZIIndex;
import htsjdk.samtools.util.zip.DeflaterFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small files written for tests: references with hand-written .fai indexes, BED files. */
final class Fixtures {
    static final int LINE = 60;

    private Fixtures() {
    }

    /** Random A/C/G/T of the given length; the same for the same seed. */
    static String random(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append("ACGT".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    /**
     * A plain FASTA of {@code name, sequence, name, sequence, ...} wrapped at {@value #LINE} bases, with
     * its .fai written here from the layout (not by the library under test).
     */
    static Path fasta(Path dir, String file, String... contigs) throws IOException {
        StringBuilder fasta = new StringBuilder();
        StringBuilder fai = new StringBuilder();
        for (int i = 0; i < contigs.length; i += 2) {
            fasta.append('>').append(contigs[i]).append(" test contig\n");
            long offset = fasta.toString().getBytes(StandardCharsets.US_ASCII).length;
            String seq = contigs[i + 1];
            for (int p = 0; p < seq.length(); p += LINE) {
                fasta.append(seq, p, Math.min(seq.length(), p + LINE)).append('\n');
            }
            fai.append(contigs[i]).append('\t').append(seq.length()).append('\t').append(offset).append('\t')
                    .append(LINE).append('\t').append(LINE + 1).append('\n');
        }
        Path path = Files.writeString(dir.resolve(file), fasta, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(file + ".fai"), fai, StandardCharsets.US_ASCII);
        return path;
    }

    /** The same FASTA bgzip-compressed, with .fai and .gzi (built by htsjdk, as samtools faidx would). */
    static Path bgzipFasta(Path dir, String file, String... contigs) throws IOException {
        Path plain = fasta(dir, file + ".plain", contigs);
        Path path = dir.resolve(file);
        try (OutputStream out = new BlockCompressedOutputStream(path, 6, new DeflaterFactory())) {
            out.write(Files.readAllBytes(plain));
        }
        GZIIndex.buildIndex(path).writeIndex(GZIIndex.resolveIndexNameForBgzipFile(path));
        FastaSequenceIndexCreator.create(path, true);
        return path;
    }

    static Path text(Path dir, String file, String... lines) throws IOException {
        return Files.writeString(dir.resolve(file), String.join("\n", lines) + (lines.length > 0 ? "\n" : ""));
    }

    /** The reverse complement of an A/C/G/T string. */
    static String reverseComplement(String s) {
        StringBuilder r = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            r.append(switch (s.charAt(i)) {
                case 'A' -> 'T';
                case 'C' -> 'G';
                case 'G' -> 'C';
                case 'T' -> 'A';
                default -> s.charAt(i);
            });
        }
        return r.toString();
    }
}
