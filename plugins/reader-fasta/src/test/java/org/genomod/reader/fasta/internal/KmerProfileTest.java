package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmerProfileTest {
    private static final String DINUCLEOTIDES = "AA AC AG AT CA CC CG CT GA GC GG GT TA TC TG TT";

    private static float[] profile(Alphabet alphabet, int k, KmerProfile.Values values, int length, boolean rc, String s) {
        KmerProfile profile = new KmerProfile(alphabet, k, values, length, rc);
        float[] out = new float[profile.featureSize()];
        java.util.Arrays.fill(out, 7f); // stale values must be overwritten
        profile.encode(s, out);
        return out;
    }

    private static float[] counts(int k, String s) {
        return profile(Alphabet.DNA, k, KmerProfile.Values.COUNT, 0, false, s);
    }

    /** Counts by k-mer name, for readable expectations. */
    private static float[] expected(String... kmerCounts) {
        float[] out = new float[16];
        List<String> names = List.of(DINUCLEOTIDES.split(" "));
        for (int i = 0; i < kmerCounts.length; i += 2) {
            out[names.indexOf(kmerCounts[i])] = Float.parseFloat(kmerCounts[i + 1]);
        }
        return out;
    }

    @Test
    void overlappingKmersAreCountedInLexicographicOrder() {
        assertArrayEquals(new float[] {2, 1, 1, 1}, counts(1, "AACGT"));
        assertArrayEquals(expected("AA", "1", "AC", "1", "CG", "1", "GT", "1"), counts(2, "AACGT"));
        assertArrayEquals(expected("AA", "3"), counts(2, "AAAA"));
        assertArrayEquals(counts(2, "AACGT"), counts(2, "aacgt"));
        float[] threeMers = counts(3, "ACGTTT");
        assertEquals(64, threeMers.length);
        assertEquals(1f, threeMers[0b00_01_10]); // ACG
        assertEquals(1f, threeMers[0b11_11_11]); // TTT
    }

    @Test
    void kmersOverlappingAnAmbiguityCodeAreSkipped() {
        // AC, then N breaks the run, then GT, TA: CN and NG are not counted
        assertArrayEquals(expected("AC", "1", "GT", "1", "TA", "1"), counts(2, "ACNGTA"));
        assertArrayEquals(new float[16], counts(2, "NNNN"));
        assertArrayEquals(new float[16], profile(Alphabet.DNA, 2, KmerProfile.Values.FREQUENCY, 0, false, "ANA"));
    }

    @Test
    void frequenciesDivideByTheKmersCounted() {
        float[] f = profile(Alphabet.DNA, 2, KmerProfile.Values.FREQUENCY, 0, false, "ACNGTA");
        assertArrayEquals(expected("AC", "0.33333334", "GT", "0.33333334", "TA", "0.33333334"), f);
    }

    @Test
    void reverseComplementAndCropping() {
        // reverse complement of AACG is CGTT: CG, GT, TT
        assertArrayEquals(expected("CG", "1", "GT", "1", "TT", "1"),
                profile(Alphabet.DNA, 2, KmerProfile.Values.COUNT, 0, true, "AACG"));
        // length 3 keeps the centre CGT of ACGTA (skip 1)
        assertArrayEquals(expected("CG", "1", "GT", "1"), profile(Alphabet.DNA, 2, KmerProfile.Values.COUNT, 3, false, "ACGTA"));
        // shorter records are counted whole
        assertArrayEquals(expected("AC", "1"), profile(Alphabet.DNA, 2, KmerProfile.Values.COUNT, 10, false, "AC"));
        // RNA counts U where DNA counts T
        assertArrayEquals(counts(2, "ACGT"), profile(Alphabet.RNA, 2, KmerProfile.Values.COUNT, 0, false, "ACGU"));
    }

    @Test
    void proteinKmersUseTwentySymbols() {
        KmerProfile two = new KmerProfile(Alphabet.PROTEIN, 2, KmerProfile.Values.COUNT, 0, false);
        assertEquals(List.of(400), two.shape());
        float[] out = new float[400];
        two.encode("MKXU", out); // MK; X breaks; U counts as C
        assertEquals(1f, out[10 * 20 + 8]); // M=10, K=8
        float sum = 0;
        for (float v : out) {
            sum += v;
        }
        assertEquals(1f, sum);
        assertEquals(3, KmerProfile.maxK(Alphabet.PROTEIN));
        assertEquals(8, KmerProfile.maxK(Alphabet.DNA));
        assertThrows(IllegalArgumentException.class, () -> new KmerProfile(Alphabet.PROTEIN, 4, KmerProfile.Values.COUNT, 0, false));
    }

    @Test
    void readerProducesKmerProfilesOfRaggedRecords(@TempDir Path dir) throws IOException {
        Path fasta = Files.writeString(dir.resolve("k.fa"), ">a x\nACGTACGT\n>b y\nAAAAA\n");
        Dataset data = Reads.train(fasta, "encoding", "kmer", "k", 2, "kmer_values", "count");
        assertEquals(List.of(16), data.schema().featureShape());
        assertEquals("dna-2-mer-count", data.schema().encoding());
        assertEquals(2, data.schema().attributes().get("k"));
        assertEquals("count", data.schema().attributes().get("kmer_values"));
        assertEquals(0, data.schema().attributes().get("length"));
        assertArrayEquals(expected("AC", "2", "CG", "2", "GT", "2", "TA", "1"), Reads.features(data, 0));
        assertArrayEquals(expected("AA", "4"), Reads.features(data, 1));

        Dataset defaults = Reads.train(fasta, "encoding", "kmer");
        assertEquals(List.of(64), defaults.schema().featureShape());
        assertEquals("dna-3-mer-frequency", defaults.schema().encoding());
        float[] b = Reads.features(defaults, 1);
        assertEquals(1f, b[0]); // AAA is every 3-mer of AAAAA

        Dataset eight = Reads.train(fasta, "encoding", "kmer", "k", 8);
        assertEquals(List.of(65536), eight.schema().featureShape());
        assertEquals(1f, Reads.features(eight, 0)[0b00_01_10_11_00_01_10_11]); // ACGTACGT, the only 8-mer
    }

    @Test
    void kmerParametersAreChecked(@TempDir Path dir) throws IOException {
        Path fasta = Files.writeString(dir.resolve("k.fa"), ">a x\nACGT\n");
        InputFormatException k = assertThrows(InputFormatException.class, () -> Reads.train(fasta, "k", 4));
        assertTrue(k.getMessage().contains("k applies to encoding: kmer only, but encoding is onehot"), k.getMessage());
        InputFormatException values = assertThrows(InputFormatException.class, () -> Reads.train(fasta, "kmer_values", "count"));
        assertTrue(values.getMessage().contains("kmer_values applies to encoding: kmer only"), values.getMessage());
        Path protein = Files.writeString(dir.resolve("p.fa"), ">a x\nMKV\n");
        InputFormatException large = assertThrows(InputFormatException.class,
                () -> Reads.train(protein, "alphabet", "protein", "encoding", "kmer", "k", 4));
        assertTrue(large.getMessage().contains("k: 4 gives 160,000 features per protein record; at most 65536 (k up to 3)"),
                large.getMessage());
        assertThrows(AssertionError.class, () -> Reads.train(fasta, "encoding", "kmer", "k", 9)); // outside the schema's 1..8
    }
}
