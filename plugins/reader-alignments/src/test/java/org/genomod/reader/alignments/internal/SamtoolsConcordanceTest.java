package org.genomod.reader.alignments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SamReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Pileup depths and per-base counts against {@code samtools mpileup} 1.16.1 (Debian) under the same
 * filters, recorded below. BAQ and overlapping-pair detection, both on in mpileup by default, are not
 * mirrored, so samtools runs with {@code -B -x}; {@code -A} keeps improper pairs as the reader's
 * default does. Columns: position, depth (mpileup column 4), A, C, G, T, N, deletions ({@code *}),
 * counted from mpileup's base column ({@code .}/{@code ,} as the reference base). A development run
 * compared every covered position of these regions (49,434, 49,434, 100,001 and 10,282): all equal.
 */
class SamtoolsConcordanceTest {
    private static final String NA12878 = "deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam";
    private static final String HG19 = "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz";
    private static final String HG002 = "deepvariant-na12878-chr20/HG002_NIST_150bp_downsampled_30x.chr20.10_10p1mb.bam";
    private static final String HS37D5 = "deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz";

    /** The depth and counts of each finished position, as the pileup hands it out. */
    private record Site(int depth, int a, int c, int g, int t, int n, int deletions, Map<String, Integer> indels) {
        long[] counts(long position) {
            return new long[] {position, depth, a, c, g, t, n, deletions};
        }
    }

    private static Map<Long, Site> pileup(String bam, String fasta, String region, ReadFilter filter, int minBaseQuality,
                                          long[] readsUsed) throws IOException {
        Path file = SharedData.file(bam);
        Map<Long, Site> sites = new HashMap<>();
        try (Reference reference = Reference.open(SharedData.file(fasta)); SamReader reader = Alignments.open(file, reference)) {
            QueryInterval[] intervals = Regions.parse(region == null ? List.of() : List.of(region),
                    reader.getFileHeader().getSequenceDictionary(), file);
            PileupWalk walk = new PileupWalk(file, reader, reference, filter, minBaseQuality, Cancellation.NEVER);
            walk.run(intervals, (contig, from, to) -> (position, p) -> {
                Map<String, Integer> indels = new HashMap<>();
                for (IndelAllele allele : p.indels(position)) {
                    indels.put(allele.deletion ? "-" + allele.length : "+" + new String(allele.inserted), allele.count);
                }
                sites.put(position, new Site(p.depth(position), p.count(position, Bases.A), p.count(position, Bases.C),
                        p.count(position, Bases.G), p.count(position, Bases.T), p.count(position, Bases.N), p.deletions(position), indels));
            });
            readsUsed[0] = walk.readsUsed();
            readsUsed[1] = walk.records();
        }
        return sites;
    }

    private static ReadFilter filter(int minMappingQuality, boolean dropImproperPairs) {
        return new ReadFilter(minMappingQuality, true, true, true, true, dropImproperPairs);
    }

    private static void assertSites(Map<Long, Site> sites, long[][] expected) {
        for (long[] row : expected) {
            Site site = sites.get(row[0]);
            assertArrayEquals(row, site == null ? new long[] {row[0]} : site.counts(row[0]), "position " + row[0]);
        }
    }

    @Test
    void na12878MatchesMpileupWithTheReaderDefaults() throws IOException {
        long[] used = new long[2];
        Map<Long, Site> sites = pileup(NA12878, HG19, "chr20:9999000-10050000", filter(10, false), 10, used);
        // samtools mpileup -B -x -A -q 10 -Q 10 --ff UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY \
        //   -f ucsc.hg19.chr20.unittest.fasta.gz -r chr20:9999000-10050000 NA12878_S1...bam
        assertSites(sites, new long[][] {
            // candidate sites (truth SNVs het and hom-alt, the false candidates 10003109 and 10006847)
            {10001019, 44, 0, 0, 13, 31, 0, 0},
            {10001298, 43, 43, 0, 0, 0, 0, 0},
            {10001617, 43, 20, 23, 0, 0, 0, 0},
            {10002099, 57, 0, 27, 0, 30, 0, 0},
            {10003109, 32, 28, 4, 0, 0, 0, 0},
            {10004725, 50, 26, 0, 24, 0, 0, 0},
            {10006847, 40, 5, 35, 0, 0, 0, 0},
            {10009227, 66, 34, 0, 32, 0, 0, 0},
            {10010393, 51, 0, 0, 24, 27, 0, 0},
            // indel anchors and positions inside the deletions (10 bp at 10004770, 4 bp at 10006820, 1 bp at 10008147)
            {10001436, 36, 33, 0, 0, 3, 0, 0},
            {10004769, 48, 0, 0, 0, 48, 0, 0},
            {10004773, 48, 26, 0, 0, 0, 0, 22},
            {10004779, 48, 0, 22, 0, 4, 0, 22},
            {10006819, 42, 39, 3, 0, 0, 0, 0},
            {10006821, 41, 21, 0, 0, 0, 0, 20},
            {10008146, 44, 0, 0, 0, 44, 0, 0},
            {10008147, 47, 3, 0, 0, 5, 0, 39},
            // random positions (python random.seed(7))
            {10003076, 31, 31, 0, 0, 0, 0, 0},
            {10004659, 48, 48, 0, 0, 0, 0, 0},
            {10006080, 57, 57, 0, 0, 0, 0, 0},
            {10009798, 42, 0, 0, 42, 0, 0, 0},
            {10021134, 62, 62, 0, 0, 0, 0, 0},
            {10025787, 61, 61, 0, 0, 0, 0, 0},
            {10035031, 66, 0, 0, 0, 66, 0, 0},
            {10042571, 51, 0, 0, 0, 51, 0, 0},
        });
        // mpileup prints 49,434 positions with reads over the region (wc -l)
        assertEquals(49_434, sites.values().stream().filter(s -> s.depth() > 0).count());
        // indel markers (+5AGGCT, -10, -4, -1) after the anchor base in mpileup's base column
        assertEquals(Map.of("+AGGCT", 25), sites.get(10001436L).indels());
        assertEquals(Map.of("-10", 22), sites.get(10004769L).indels());
        assertEquals(Map.of("-4", 20), sites.get(10006819L).indels());
        assertEquals(Map.of("-1", 38), sites.get(10008146L).indels());
        // samtools view -c -F 0xF04 -q 10 NA12878_S1...bam: 25,719 of 26,000 records
        assertEquals(25_719, used[0]);
        assertEquals(26_000, used[1]);
    }

    @Test
    void na12878MatchesMpileupDroppingImproperPairs() throws IOException {
        long[] used = new long[2];
        Map<Long, Site> sites = pileup(NA12878, HG19, "chr20:9999000-10050000", filter(20, true), 20, used);
        // samtools mpileup -B -x -q 20 -Q 20 --ff UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -f ... -r chr20:9999000-10050000
        // (no -A: mpileup skips paired reads without the proper-pair flag)
        assertSites(sites, new long[][] {
            {10001019, 42, 0, 0, 13, 29, 0, 0},
            {10001436, 36, 33, 0, 0, 3, 0, 0},
            {10004769, 48, 0, 0, 0, 48, 0, 0},
            {10004775, 48, 0, 0, 0, 26, 0, 22},
            {10006847, 40, 5, 35, 0, 0, 0, 0},
            {10009227, 64, 32, 0, 32, 0, 0, 0},
            {10003713, 39, 0, 39, 0, 0, 0, 0},
            {10023877, 53, 53, 0, 0, 0, 0, 0},
            {10038105, 45, 0, 0, 45, 0, 0, 0},
        });
        // samtools view -c -F 0xF04 -f 3 -q 20: 25,522 proper pairs (samtools view -c -F 0xF05: no unpaired reads)
        assertEquals(25_522, used[0]);
    }

    @Test
    void hg002WithEnsemblNamesMatchesMpileup() throws IOException {
        long[] used = new long[2];
        Map<Long, Site> sites = pileup(HG002, HS37D5, "20:10000000-10100000", filter(10, false), 10, used);
        // samtools mpileup -B -x -A -q 10 -Q 10 --ff UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY \
        //   -f hs37d5.chr20.fa.gz -r 20:10000000-10100000 HG002_NIST_150bp_downsampled_30x...bam
        assertSites(sites, new long[][] {
            {10004914, 44, 44, 0, 0, 0, 0, 0},
            {10011265, 32, 0, 0, 0, 32, 0, 0},
            {10028140, 27, 27, 0, 0, 0, 0, 0},
            {10054810, 40, 0, 0, 40, 0, 0, 0},
            {10056838, 24, 0, 0, 24, 0, 0, 0},
            {10066510, 16, 0, 0, 0, 16, 0, 0},
        });
        assertEquals(100_001, sites.values().stream().filter(s -> s.depth() > 0).count());
        // samtools view -c -F 0xF04 -q 10 HG002...bam 20:10000000-10100000 gives 20,804 (the reads overlapping the region)
        assertEquals(20_804, used[0]);
    }

    @Test
    void wholeFileStreamingCountsEveryUsableRead() throws IOException {
        long[] used = new long[2];
        Map<Long, Site> sites = pileup("deeptrio-hg001-trio-chr20/HG001.chr20.10_10p1mb_sorted.bam", HS37D5, null,
                filter(0, false), 0, used);
        // samtools view -c HG001...bam: 1,823; samtools view -c -F 0xF04 HG001...bam: 1,572 (mapping quality not filtered)
        assertEquals(1_823, used[1]);
        assertEquals(1_572, used[0]);
        // samtools mpileup -B -x -A -q 0 -Q 0 --ff UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -f hs37d5.chr20.fa.gz -r 20 HG001...bam | wc -l
        assertEquals(10_282, sites.values().stream().filter(s -> s.depth() > 0).count());
    }

    /** Each flag filter can be turned off; counts from {@code samtools view -c -F MASK -q Q}. */
    @Test
    void eachDroppedFlagMatchesSamtoolsFlagFilters() throws IOException {
        long[] used = new long[2];
        // -F 0xB04 -q 10 (duplicates kept): 25,862
        pileup(NA12878, HG19, null, new ReadFilter(10, false, true, true, true, false), 10, used);
        assertEquals(25_862, used[0]);
        // -F 0xE04 -q 10 (secondary kept): 20,819
        pileup(HG002, HS37D5, null, new ReadFilter(10, true, false, true, true, false), 10, used);
        assertEquals(20_819, used[0]);
        // -F 0x604 (supplementary and secondary kept, mapping quality 0 allowed): 1,580
        pileup("deeptrio-hg001-trio-chr20/HG001.chr20.10_10p1mb_sorted.bam", HS37D5, null,
                new ReadFilter(0, true, false, false, true, false), 0, used);
        assertEquals(1_580, used[0]);
        // -F 0x204 (duplicates too): 1,820, every mapped read
        pileup("deeptrio-hg001-trio-chr20/HG001.chr20.10_10p1mb_sorted.bam", HS37D5, null,
                new ReadFilter(0, false, false, false, true, false), 0, used);
        assertEquals(1_820, used[0]);
    }
}
