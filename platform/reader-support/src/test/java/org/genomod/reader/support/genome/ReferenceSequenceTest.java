package org.genomod.reader.support.genome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ReferenceSequence.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceSequenceTest {
    /** Longer than two stretches, so that requests cross stretch boundaries. */
    private static final String LONG = random(2 * ReferenceSequence.STRETCH + 12_345, 7);
    private static final String SHORT = "ACGTacgtNNRYACGT";

    @TempDir
    Path dir;

    private static String random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append("ACGT".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    private static String fasta() {
        StringBuilder s = new StringBuilder(">long first contig\n");
        for (int i = 0; i < LONG.length(); i += 60) {
            s.append(LONG, i, Math.min(LONG.length(), i + 60)).append('\n');
        }
        return s.append(">short\n").append(SHORT).append('\n').toString();
    }

    private Path plain(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path indexed(String name, String content) throws IOException {
        Path fa = plain(name, content);
        FastaSequenceIndexCreator.create(fa, true);
        return fa;
    }

    private Path bgzip(String name, String content) throws IOException {
        Path fa = dir.resolve(name);
        try (OutputStream out = new BlockCompressedOutputStream(fa.toFile())) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return fa;
    }

    private static String copy(ReferenceSequence reference, String contig, long from, int count) throws IOException {
        byte[] dest = new byte[count + 2];
        reference.copy(contig, from, count, dest, 1);
        assertEquals(0, dest[0], "nothing written before the offset");
        assertEquals(0, dest[count + 1], "nothing written after the count");
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            s.append(dest[i] == 0 ? '_' : (char) dest[i]);
        }
        return s.toString();
    }

    private static void assertRandomAccessMatches(ReferenceSequence reference) throws IOException {
        assertEquals(List.of("long", "short"), List.copyOf(reference.contigs()));
        assertEquals(LONG.length(), reference.length("long"));
        assertEquals(-1, reference.length("chr9"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) { // jumps back and forth, across stretch ends
            int from = 1 + random.nextInt(LONG.length() - 1000);
            int count = 1 + random.nextInt(1000);
            assertEquals(LONG.substring(from - 1, from - 1 + count), copy(reference, "long", from, count), "long:" + from + "+" + count);
            assertEquals(LONG.charAt(from - 1), (char) reference.base("long", from));
        }
        assertEquals("ACGTacgtNNRYACGT", copy(reference, "short", 1, 16), "bases as the file holds them");
    }

    @Test
    void plainAndBgzipReadTheSameBasesAnywhere() throws IOException {
        try (ReferenceSequence reference = ReferenceSequence.open(indexed("ref.fa", fasta()))) {
            assertRandomAccessMatches(reference);
        }
        Path bgzipped = bgzip("ref.fa.gz", fasta());
        try (ReferenceSequence reference = ReferenceSequence.open(bgzipped, Option.BUILD_MISSING_INDEX)) {
            assertRandomAccessMatches(reference);
        }
    }

    @Test
    void positionsOutsideTheContigArePadding() throws IOException {
        try (ReferenceSequence reference = ReferenceSequence.open(indexed("ref.fa", fasta()))) {
            assertEquals("___ACG", copy(reference, "short", -2, 6));
            assertEquals("CGT__", copy(reference, "short", 14, 5));
            assertEquals("____", copy(reference, "short", 40, 4));
            assertEquals(0, reference.base("short", 0));
            assertEquals(0, reference.base("short", 17));
            assertEquals('T', reference.base("short", 16));
            reference.prefetch("short", -100, 100); // clipped, not an error
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reference.base("chr9", 1));
            assertEquals("reference ref.fa has no contig 'chr9'", e.getMessage());
        }
    }

    @Test
    void unindexedFilesAreRefusedOrIndexedInMemory() throws IOException {
        Path fa = plain("noindex.fa", ">short\n" + SHORT + "\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(fa));
        assertEquals("reference FASTA has no index noindex.fa.fai (create it with: samtools faidx noindex.fa)", e.problem());
        try (ReferenceSequence reference = ReferenceSequence.open(fa, Option.BUILD_MISSING_INDEX)) {
            assertEquals(SHORT, copy(reference, "short", 1, SHORT.length()));
        }
        Path bgzipped = bgzip("bg.fa.gz", ">short\n" + SHORT + "\n");
        FastaSequenceIndexCreator.create(fa, true);
        Files.copy(dir.resolve("noindex.fa.fai"), dir.resolve("bg.fa.gz.fai"));
        e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(bgzipped));
        assertEquals("bgzip reference FASTA has no bg.fa.gz.gzi index (create it with: samtools faidx bg.fa.gz)", e.problem());
    }

    @Test
    void badFilesAreNamed() throws IOException {
        InputFormatException e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(dir.resolve("missing.fa")));
        assertEquals("reference FASTA does not exist", e.problem());

        Path gzipped = dir.resolve("ref.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write((">short\n" + SHORT + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(gzipped));
        assertTrue(e.problem().startsWith("reference FASTA is gzip- but not bgzip-compressed"), e.problem());
        assertTrue(e.problem().endsWith("then bgzip and samtools faidx)"), e.problem());
        e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(gzipped, Option.BUILD_MISSING_INDEX));
        assertTrue(e.problem().endsWith("then bgzip)"), "nothing to index by hand: " + e.problem());

        Path brokenIndex = plain("broken.fa", ">short\n" + SHORT + "\n");
        Files.writeString(dir.resolve("broken.fa.fai"), "short\tsixteen\t7\t16\t17\n");
        e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(brokenIndex));
        assertEquals(dir.resolve("broken.fa.fai"), e.file());
        assertTrue(e.problem().startsWith("is not a valid FASTA index"), e.problem());

        Path empty = plain("empty.fa", "\n");
        Files.writeString(dir.resolve("empty.fa.fai"), "");
        e = assertThrows(InputFormatException.class, () -> ReferenceSequence.open(empty));
        assertEquals("reference FASTA holds no sequence", e.problem());
    }

    @Test
    void nucleotideCodesOnlyNamesTheFirstOtherCharacter() throws IOException {
        Path dashes = indexed("dashes.fa", ">chrT\nACGTACGTAC-GGGGCCCCC\n");
        try (ReferenceSequence lenient = ReferenceSequence.open(dashes)) {
            assertEquals('-', lenient.base("chrT", 11));
        }
        try (ReferenceSequence strict = ReferenceSequence.open(dashes, Option.NUCLEOTIDE_CODES_ONLY)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> strict.base("chrT", 2));
            assertEquals("has - at chrT:11, which is not a nucleotide code (A, C, G, T, N or IUPAC)", e.problem());
        }
        try (ReferenceSequence strict = ReferenceSequence.open(indexed("iupac.fa", ">s\nACGTRYSWKMBDHVNacgtrysn\n"),
                Option.NUCLEOTIDE_CODES_ONLY)) {
            assertEquals("ACGTRYSWKMBDHVNacgtrysn", copy(strict, "s", 1, 23));
        }
    }
}
