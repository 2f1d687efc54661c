package org.genomod.reader.intervals.internal;

import static org.genomod.reader.intervals.internal.Reads.labels;
import static org.genomod.reader.intervals.internal.Reads.sequence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows cut from the real references in ../shared/data, checked against samtools. The references hold
 * real bases only around chr20:10 Mb (README); the GIAB confident regions lie there.
 */
class RealDataTest {
    /**
     * 1000-bp windows around the centres of test_nist.b37_chr20_100kbp_at_10mb.bed: region, md5 of the
     * bases, G+C count, first bases. From:
     * {@code awk '{c=$2+int(($3-$2)/2); printf "%s:%d-%d\n",$1,c-500+1,c+500}' BED | while read r; do
     * s=$(samtools faidx REF $r | tail -n +2 | tr -d '\n'); echo "$r $(echo -n $s | md5sum) $(echo -n $s | tr -cd GC | wc -c)"; done}
     */
    private static final String[][] PLUS = {
        {"chr20:10001127-10002126", "def2ee78f4a965fd30d3f5e10dbc52f5", "380", "TGATTCTGAATA"},
        {"chr20:10002846-10003845", "100d3cab9684c495ea5929894366a967", "443", "AGAAATTACTGG"},
        {"chr20:10004119-10005118", "5e89b2caa1b9aaf2d39eceb3dced978b", "343", "GGCTGAGGCAGG"},
        {"chr20:10005191-10006190", "066870d1b2f5841be8056aca054e8501", "325", "GCATTTAATAAA"},
        {"chr20:10006605-10007604", "65688ffe2b849d4eb1c010f29db180e0", "416", "AGAGGCTGAAGT"},
        {"chr20:10007422-10008421", "f82b1713c024d97b421ae315fdc95ab0", "317", "GGTGAGAGTTGA"},
        {"chr20:10007562-10008561", "dfd96466182e5783e977b48e5baa4985", "303", "TCTGATACAAGC"},
        {"chr20:10007904-10008903", "3a9f9e0577b601ff8f3b4c12c9ee6c6a", "340", "TTTATTTAAAAG"},
        {"chr20:10008353-10009352", "40ce96363bf7c8a7172a565de67c3bc8", "360", "CAGTGGCAAAAG"},
        {"chr20:10008897-10009896", "e735edb6c095c47d422d5de68884fcb9", "343", "GGGCGACAGAGT"},
        {"chr20:10009733-10010732", "509f2f1a3eba577665f3167372d56b3f", "336", "AGCTACATGGGT"},
    };

    /**
     * The same intervals on the '-' strand: the window mirrors (centre {@code end-1-len/2}, start
     * centre-499), reverse-complemented: {@code samtools faidx -i REF REGION}.
     */
    private static final String[][] MINUS = {
        {"chr20:10001128-10002127", "ea5725d44ac8ff3bbec2e64e6b3c64d2", "TCAAATGAATAG"},
        {"chr20:10002847-10003846", "238b676f0114c9513f520071e47bbece", "TTATTAAACACC"},
        {"chr20:10004120-10005119", "938365c6f342a78857646e2bf6f8eb41", "TTGTTAAAAAAA"},
        {"chr20:10005191-10006190", "8654efe9242527ba891656ecfec3c3a7", "AGGATGTGTTTA"},
        {"chr20:10006606-10007605", "d0e92a65d1752cd8ed9ae105d91eaebe", "GTTAGATTCACA"},
        {"chr20:10007422-10008421", "b78c5ba4663b15a10f6d0ac8cc584f89", "AATGTATTTTGT"},
        {"chr20:10007562-10008561", "4a8d8388d714283632eaa30c82d22ba3", "AACTTTGTTGTG"},
        {"chr20:10007905-10008904", "253e57c6fedbc8b358dd6a933450ebca", "TGTCGCCCAGGC"},
        {"chr20:10008354-10009353", "0b0d3ef21a000112da2dcb0517d31f16", "TGAAATTCAGTA"},
        {"chr20:10008898-10009897", "d596b6394c168566e7431fd43375ad16", "TTCCTTCCTTCT"},
        {"chr20:10009733-10010732", "690c81272e933e3306eb7eb7d0a76fa1", "ATTGAAGTATGA"},
    };

    @TempDir
    Path dir;

    static String md5(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static int gc(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            n += c == 'G' || c == 'C' ? 1 : 0;
        }
        return n;
    }

    @Test
    void bgzipHg19WindowsEqualSamtools() throws IOException {
        Dataset d = Reads.predict(TestData.nistBed(), TestData.hg19Chr20(), List.of("confident"));
        assertEquals(PLUS.length, d.size());
        assertEquals(List.of(1000, 4), d.schema().featureShape());
        for (int i = 0; i < PLUS.length; i++) {
            String seq = sequence(d, i);
            assertEquals(PLUS[i][0], d.id(i));
            assertEquals(PLUS[i][1], md5(seq), PLUS[i][0]);
            assertEquals(Integer.parseInt(PLUS[i][2]), gc(seq), PLUS[i][0] + " GC");
            assertTrue(seq.startsWith(PLUS[i][3]));
            assertEquals(seq, Reads.decoded(d, i), "one-hot features decode to the bases");
            assertEquals("chr20", d.group(i));
        }
    }

    @Test
    void minusStrandWindowsEqualSamtoolsReverseComplement() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.nistBed())) {
            lines.add(line + "\t.\t0\t-");
        }
        Path minus = Fixtures.text(dir, "minus.bed", lines.toArray(String[]::new));
        Dataset d = Reads.predict(minus, TestData.hg19Chr20(), List.of("confident"), "strand_aware", true);
        for (int i = 0; i < MINUS.length; i++) {
            assertEquals(MINUS[i][0] + "(-)", d.id(i));
            assertEquals(MINUS[i][1], md5(sequence(d, i)), MINUS[i][0]);
            assertTrue(sequence(d, i).startsWith(MINUS[i][2]));
        }
    }

    /** b37 names the contig 20; its sequence equals hg19's chr20, so the windows do too. */
    @Test
    void b37NamingWithHs37d5GivesTheSameBases() throws IOException {
        Dataset d = Reads.predict(TestData.giabBed(), TestData.hs37d5Chr20(), List.of("confident"));
        assertEquals(PLUS.length, d.size());
        for (int i = 0; i < PLUS.length; i++) {
            assertEquals(PLUS[i][0].substring(3), d.id(i));
            assertEquals(PLUS[i][1], md5(sequence(d, i)));
            assertEquals("20", d.group(i));
        }
    }

    @Test
    void namingMismatchIsReportedWithTheFix() {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Reads.predict(TestData.giabBed(), TestData.hg19Chr20(), List.of("confident")));
        assertEquals(TestData.giabBed(), e.file());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().endsWith(": contig '20' is not in reference ucsc.hg19.chr20.unittest.fasta.gz "
                + "(it has: chr20); the reference calls it 'chr20': use a reference with the same contig names (restrict "
                + "the contigs read with chromosomes or exclude_chromosomes)"), e.getMessage());
    }

    /**
     * iONMF's CLIP-seq sequences were cut from hg19 by their own pipeline, on the strand of the
     * binding site ({@code > chr,strand,start,end}: 0-based start, inclusive end, 101 nt). The 31 of them
     * inside the real bases of the test reference (18 '+', 13 '-'; found with zcat | awk, and each
     * checked with samtools faidx [-i]) must come out identical.
     */
    @Test
    void strandAwareWindowsEqualIonmfClipSequences() throws IOException {
        List<String> bed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String protein : List.of("23_PARCLIP_PUM2_hg19", "24_PARCLIP_QKI_hg19", "8_PARCLIP_ELAVL1_hg19")) {
            for (String part : List.of("test", "train")) {
                collectChr20(TestData.file("ionmf-rbp-clipseq/" + protein + "/" + part + ".sequences.fa.gz"), bed, expected);
            }
        }
        assertEquals(31, bed.size());
        assertEquals(13, bed.stream().filter(l -> l.endsWith("-")).count());
        Path file = Fixtures.text(dir, "clip.bed", bed.toArray(String[]::new));
        Dataset d = Reads.predict(file, TestData.hg19Chr20(), List.of("bound"), "window", 101, "strand_aware", true);
        assertEquals(31, d.size());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(expected.get(i), sequence(d, i), bed.get(i));
        }
    }

    private static void collectChr20(Path fasta, List<String> bed, List<String> sequences) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(fasta)),
                StandardCharsets.US_ASCII))) {
            String header = null;
            StringBuilder seq = new StringBuilder();
            for (String line = in.readLine(); ; line = in.readLine()) {
                if (line == null || line.startsWith(">")) {
                    if (header != null) {
                        String[] f = header.substring(1).trim().split("[,;]");
                        long start = Long.parseLong(f[2]);
                        if (f[0].equals("chr20") && start >= 9_995_000 && Long.parseLong(f[3]) < 11_095_000) {
                            bed.add("chr20\t" + start + "\t" + (Long.parseLong(f[3]) + 1) + "\t.\t0\t" + f[1]);
                            sequences.add(seq.toString());
                        }
                    }
                    if (line == null) {
                        return;
                    }
                    header = line;
                    seq.setLength(0);
                } else {
                    seq.append(line.trim());
                }
            }
        }
    }

    /** GC-matched background on the real reference: bin counts match, no N, no overlap with the positives. */
    @Test
    void gcMatchedBackgroundOnHg19() throws IOException {
        Dataset d = Reads.train(TestData.nistBed(), TestData.hg19Chr20(), "window", 500, "negatives", "gc_matched",
                "negative_ratio", 5, "gc_bins", 10);
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("test_nist.b37_chr20_100kbp_at_10mb"), d.schema().outputs());
        assertEquals(11 + 55, d.size());
        int[] positive = new int[10];
        int[] background = new int[10];
        for (int i = 0; i < d.size(); i++) {
            String seq = sequence(d, i);
            int bin = Math.min(9, gc(seq) * 10 / 500);
            (i < 11 ? positive : background)[bin]++;
            assertArrayEquals(new float[] {i < 11 ? 1 : 0}, labels(d, i));
            if (i >= 11) {
                assertFalse(seq.contains("N"));
                int start = Integer.parseInt(d.id(i).replaceAll("chr20:(\\d+)-.*", "$1")) - 1;
                // the confident regions span chr20:10000846-10010531; background must not touch them
                assertTrue(start + 500 <= 10_000_846 || start >= 10_010_531 || noOverlap(start), d.id(i));
            }
        }
        for (int b = 0; b < 10; b++) {
            assertEquals(5 * positive[b], background[b], "GC bin " + b);
        }
    }

    private static boolean noOverlap(int start) throws IOException {
        for (String line : Files.readAllLines(TestData.nistBed())) {
            String[] f = line.split("\t");
            if (start < Integer.parseInt(f[2]) && start + 500 > Integer.parseInt(f[1])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void chromosomeHoldOutGroupsAreContigs() throws IOException {
        Dataset d = Reads.train(TestData.nistBed(), TestData.hg19Chr20(), "window", 200, "negatives", "shuffled");
        for (int i = 0; i < d.size(); i++) {
            assertEquals("chr20", d.group(i));
        }
    }
}
