package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk range reads give exactly what htsjdk's getSubsequenceAt gives, on plain and bgzip files. */
class ReferenceTest {
    @TempDir
    Path dir;

    private static void assertSameAsHtsjdk(Path fasta, String contig, int length, int probes, long seed) throws IOException {
        Random random = new Random(seed);
        try (Reference reference = Reference.open(fasta);
             ReferenceSequenceFile htsjdk = ReferenceSequenceFileFactory.getReferenceSequenceFile(fasta, true, true)) {
            int c = reference.contig(contig);
            assertEquals(length, reference.length(c));
            for (int i = 0; i < probes; i++) {
                // every tenth range runs to the contig end
                int start = i % 10 == 0 ? length - 1 - random.nextInt(Math.min(length, 20_000)) : random.nextInt(length);
                int end = i % 10 == 0 ? length : start + 1 + random.nextInt(Math.min(length - start, 3000));
                byte[] expected = htsjdk.getSubsequenceAt(contig, start + 1L, end).getBases();
                for (int k = 0; k < expected.length; k++) {
                    expected[k] = (byte) Character.toUpperCase(expected[k]);
                }
                assertArrayEquals(expected, reference.read(c, start, end).bases(), contig + ":" + start + "-" + end);
            }
        }
    }

    @Test
    void plainAndBgzipRangesEqualHtsjdk() throws IOException {
        String a = Fixtures.random(10_007, 1);
        String b = Fixtures.random(123, 2).toLowerCase();
        assertSameAsHtsjdk(Fixtures.fasta(dir, "r.fa", "a", a, "b", b), "a", a.length(), 300, 1);
        assertSameAsHtsjdk(Fixtures.fasta(dir, "r2.fa", "a", a, "b", b), "b", b.length(), 100, 2);
        assertSameAsHtsjdk(Fixtures.bgzipFasta(dir, "r.fa.gz", "a", a, "b", b), "a", a.length(), 300, 3);
    }

    /** The real reference: bgzip, 50 bases per line, a contig of 63 Mbp. */
    @Test
    void realBgzipRangesEqualHtsjdk() throws IOException {
        assertSameAsHtsjdk(TestData.hg19Chr20(), "chr20", 63_025_520, 200, 4);
    }

    @Test
    void chunksReportWhetherTheyHoldOnlyPlainBases() throws IOException {
        Path fasta = Fixtures.fasta(dir, "n.fa", "c", "ACGTACGTNNACGTacgt");
        try (Reference reference = Reference.open(fasta)) {
            assertTrue(reference.read(0, 0, 8).acgt());
            assertEquals(false, reference.read(0, 6, 10).acgt());
            Reference.Chunk lower = reference.read(0, 10, 18);
            assertTrue(lower.acgt());
            assertEquals("ACGTACGT", new String(lower.bases(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(List.of(fasta, dir.resolve("n.fa.fai")), reference.files());
        }
    }
}
