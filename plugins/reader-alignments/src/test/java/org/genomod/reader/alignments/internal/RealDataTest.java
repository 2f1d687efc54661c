package org.genomod.reader.alignments.internal;

import static org.genomod.reader.alignments.internal.Reads.PREDICTION;
import static org.genomod.reader.alignments.internal.Reads.TRAINING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.TaskType;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Candidates and labels from the real DeepVariant/DeepTrio test data against independent sources. */
class RealDataTest {
    private static final String DV = "deepvariant-na12878-chr20/";
    private static final Path BAM = SharedData.file(DV + "NA12878_S1.chr20.10_10p1mb.first_half.bam");
    private static final Path CRAM = SharedData.file(DV + "NA12878_S1.chr20.10_10p1mb.first_half.cram");
    private static final Path HG19 = SharedData.file(DV + "ucsc.hg19.chr20.unittest.fasta.gz");
    private static final Path TRUTH = SharedData.file(DV + "test_nist.b37_chr20_first_half.vcf.gz");
    private static final Path CONFIDENT = SharedData.file(DV + "test_nist.b37_chr20_100kbp_at_10mb.bed");

    /**
     * The GIAB truth inside the confident BED, with genotype classes:
     * {@code bcftools view -H -T test_nist.b37_chr20_100kbp_at_10mb.bed test_nist.b37_chr20_first_half.vcf.gz}
     * (49 records: 0/1 is 1, 1/1 and 1|1 are 2).
     */
    private static final Map<String, Integer> TRUTH_IN_CONFIDENT_REGIONS = classes(
            "chr20:10001019:T>G 1, chr20:10001298:T>A 2, chr20:10001436:A>AAGGCT 2, chr20:10001474:C>T 2, "
            + "chr20:10001617:C>A 1, chr20:10001628:G>A 2, chr20:10001661:T>C 2, chr20:10001670:T>G 2, chr20:10002058:T>G 2, "
            + "chr20:10002099:C>T 1, chr20:10002138:C>G 2, chr20:10002142:G>C 2, chr20:10002625:G>T 2, chr20:10003021:C>T 2, "
            + "chr20:10003358:A>C 1, chr20:10003651:T>C 2, chr20:10003692:A>G 2, chr20:10003832:G>A 2, chr20:10004094:A>C 2, "
            + "chr20:10004147:A>G 2, chr20:10004351:C>G 2, chr20:10004389:T>G 2, chr20:10004610:A>C 2, chr20:10004725:A>G 1, "
            + "chr20:10004769:TAAAACTATGC>T 1, chr20:10004874:A>C 2, chr20:10004887:A>G 1, chr20:10005010:C>T 2, "
            + "chr20:10005427:C>T 2, chr20:10005499:A>G 2, chr20:10005587:A>G 1, chr20:10005723:A>G 2, chr20:10006291:G>A 1, "
            + "chr20:10006682:T>A 2, chr20:10006819:AAAAC>A 2, chr20:10007150:G>C 1, chr20:10007175:C>T 1, chr20:10007352:C>T 2, "
            + "chr20:10007531:A>G 2, chr20:10007980:A>C 2, chr20:10008146:TA>T 2, chr20:10008221:T>C 2, chr20:10008458:T>G 2, "
            + "chr20:10009227:A>G 1, chr20:10009246:A>G 2, chr20:10009400:T>A 2, chr20:10009512:C>G 2, chr20:10009719:A>G 2, "
            + "chr20:10010393:T>G 1");

    private static Map<String, Integer> classes(String list) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (String entry : list.split(",\\s*")) {
            String[] parts = entry.split(" ");
            classes.put(parts[0], Integer.parseInt(parts[1]));
        }
        return classes;
    }

    private static Map<String, Integer> classesOf(Dataset dataset) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            float[] oneHot = Reads.labels(dataset, i);
            int hot = -1;
            for (int c = 0; c < oneHot.length; c++) {
                if (oneHot[c] == 1f) {
                    assertEquals(-1, hot, "two classes for " + dataset.id(i));
                    hot = c;
                }
            }
            classes.put(dataset.id(i), hot);
        }
        return classes;
    }

    @Test
    void na12878CandidatesInTheConfidentRegionsAreTheTruthPlusTwo() throws IOException {
        Dataset dataset = Reads.read(BAM, TRAINING, "reference", HG19.toString(), "truth_vcf", TRUTH.toString(),
                "confident_bed", CONFIDENT.toString());
        assertEquals(List.of(100, 101, 6), dataset.schema().featureShape());
        assertEquals(TaskType.MULTICLASS, dataset.schema().task());
        assertEquals(List.of("hom_ref", "het", "hom_alt"), dataset.schema().outputs());
        assertEquals("pileup-deepvariant", dataset.schema().encoding());
        assertTrue(dataset.labelled());

        Map<String, Integer> expected = new LinkedHashMap<>(TRUTH_IN_CONFIDENT_REGIONS);
        // two false candidates (ref C, 4 of 32 reads A at 10003109; ref C, 5 of 40 reads A at 10006847; samtools mpileup counts)
        expected.put("chr20:10003109:A>C", 0);
        expected.put("chr20:10006847:C>A", 0);
        Map<String, Integer> found = classesOf(dataset);
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(found));
        // every truth variant in the confident regions is a candidate: recall 49/49
        assertEquals(51, dataset.size());
        for (int i = 0; i < dataset.size(); i++) {
            assertEquals("chr20", dataset.group(i));
        }
    }

    /**
     * DeepVariant 1.5's own training examples for chr20:10,000,117-10,009,883 (golden.training_examples.vcf,
     * 49 records, GT 0/0, 0/1 or 1/1) are all among ours with the same class; we have one more candidate.
     */
    @Test
    void deepVariantsGoldenTrainingExamplesAreFoundWithTheirLabels() throws IOException {
        Map<String, Integer> golden = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(SharedData.file(DV + "golden.training_examples.vcf"))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#")) {
                    String[] f = line.split("\t");
                    String gt = f[9].substring(0, 3);
                    golden.put(f[0] + ":" + f[1] + ":" + f[3] + ">" + f[4], gt.equals("0/0") ? 0 : gt.equals("1/1") ? 2 : 1);
                }
            }
        }
        assertEquals(49, golden.size());
        Dataset dataset = Reads.read(BAM, TRAINING, "reference", HG19.toString(), "truth_vcf", TRUTH.toString(),
                "confident_bed", CONFIDENT.toString(), "region", "chr20:10000117-10009883");
        Map<String, Integer> ours = classesOf(dataset);
        golden.forEach((id, genotypeClass) -> assertEquals(genotypeClass, ours.get(id), id));
        ours.keySet().removeAll(golden.keySet());
        assertEquals(Map.of("chr20:10006847:C>A", 0), ours);
    }

    @Test
    void cramAndBamGiveTheSameExamples() throws IOException {
        Dataset bam = Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:10000000-10010000");
        Dataset cram = Reads.read(CRAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:10000000-10010000");
        assertFalse(bam.labelled());
        assertEquals(bam.size(), cram.size());
        for (int i = 0; i < bam.size(); i++) {
            assertEquals(bam.id(i), cram.id(i));
            assertArrayEquals(Reads.features(bam, i), Reads.features(cram, i), bam.id(i));
        }
    }

    @Test
    void aRegionQueryGivesTheExamplesOfAWholeFilePassInIt() throws IOException {
        Dataset whole = Reads.read(BAM, PREDICTION, "reference", HG19.toString());
        Dataset region = Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:10,004,000-10,006,000");
        int matched = 0;
        for (int i = 0; i < whole.size(); i++) {
            long position = Long.parseLong(whole.id(i).split(":")[1]);
            if (position >= 10_004_000 && position <= 10_006_000) {
                int j = Reads.indexOf(region, whole.id(i));
                assertArrayEquals(Reads.features(whole, i), Reads.features(region, j), whole.id(i));
                matched++;
            }
        }
        assertEquals(region.size(), matched);
        assertTrue(matched >= 10, "only " + matched + " candidates in the region");
    }

    /**
     * HG002 (Ensembl contig names) with hs37d5, unlabelled. The SNV candidates equal those that the
     * same rule (at least 2 reads and 12 % of the depth) finds in samtools' counts: 277 from
     * {@code samtools mpileup -B -x -A -q 10 -Q 10 --ff UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -f hs37d5.chr20.fa.gz
     * HG002...bam}, counting A/C/G/T in the base column against the reference base (samtools faidx), depth = column 4.
     */
    @Test
    void hg002SnvCandidatesFollowTheRuleOnSamtoolsCounts() throws IOException {
        Dataset dataset = Reads.read(SharedData.file(DV + "HG002_NIST_150bp_downsampled_30x.chr20.10_10p1mb.bam"), PREDICTION,
                "reference", SharedData.file("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz").toString());
        long snvs = 0;
        for (int i = 0; i < dataset.size(); i++) {
            assertEquals("20", dataset.group(i));
            String alleles = dataset.id(i).split(":")[2];
            snvs += alleles.length() == 3 ? 1 : 0;
        }
        assertEquals(277, snvs);
    }

    /** DeepTrio's HG001 (Ensembl names, hs37d5) against its own GIAB v3.3.2 truth and confident BED. */
    @Test
    void deepTrioHg001IsLabelledFromItsTruth() throws IOException {
        String trio = "deeptrio-hg001-trio-chr20/";
        Dataset dataset = Reads.read(SharedData.file(trio + "HG001.chr20.10_10p1mb_sorted.bam"), TRAINING,
                "reference", SharedData.file(trio + "hs37d5.chr20.fa.gz").toString(),
                "truth_vcf", SharedData.file(trio + "HG001_GIAB_v3.3.2_chr20_9.9-10.049Mb.vcf.gz").toString(),
                "confident_bed", SharedData.file(trio + "test_giab.b37_chr20_100kbp_at_10mb.bed").toString());
        // bcftools view -H -T test_giab.b37_chr20_100kbp_at_10mb.bed HG001_GIAB_v3.3.2_chr20_9.9-10.049Mb.vcf.gz
        //   -r 20:9999865-10009996: 48 records, 12 heterozygous (0|1, 1|0), 36 homozygous (1|1); the BAM's reads span
        //   20:9,999,865-10,009,996. The same sites as NA12878's truth: HG001 is NA12878.
        Map<String, Integer> expected = new LinkedHashMap<>();
        TRUTH_IN_CONFIDENT_REGIONS.forEach((id, genotypeClass) -> {
            if (!id.equals("chr20:10010393:T>G")) {
                expected.put(id.substring(3), genotypeClass);
            }
        });
        expected.put("20:10004114:C>G", 0); // a false candidate: 2 of the 14 reads samtools counts there show G
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(classesOf(dataset)));
    }

    /**
     * Read rows and supporting rows of real candidates equal samtools' counts at the site (mpileup as in
     * {@link SamtoolsConcordanceTest}): rows = depth, supporting rows = reads with the alternative base, or
     * the {@code +AGGCT} / {@code -10} markers. Rows are ordered by alignment start.
     */
    @Test
    void pileupRowsAreTheReadsSamtoolsCountsAtTheSite() throws IOException {
        Dataset dataset = Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:10001000-10005000");
        int width = 101;
        int centre = width / 2;
        // id, depth, supporting reads, centre base level of a supporting read
        Object[][] sites = {
            {"chr20:10001019:T>G", 44, 13, 180},
            {"chr20:10001298:T>A", 43, 43, 250},
            {"chr20:10001436:A>AAGGCT", 36, 25, 0},
            {"chr20:10004769:TAAAACTATGC>T", 48, 22, 0},
        };
        for (Object[] site : sites) {
            float[] f = Reads.features(dataset, Reads.indexOf(dataset, (String) site[0]));
            int rows = 0;
            int supporting = 0;
            int lastFirstColumn = 0;
            for (int row = 5; row < 100; row++) {
                if (level(f, width, row, centre, 2) == 0 && level(f, width, row, centre + 1, 2) == 0
                        && level(f, width, row, centre - 1, 2) == 0) {
                    continue; // an empty row (a deleted centre still has its neighbours painted)
                }
                rows++;
                if (level(f, width, row, centre, 4) == 254) {
                    supporting++;
                    assertEquals((int) site[3], level(f, width, row, centre, 0), site[0] + " row " + row);
                    assertEquals(254, level(f, width, row, centre, 5));
                }
                int first = 0; // the alignment start: the first base (a leading soft clip marks the column before it)
                while (level(f, width, row, first, 0) == 0) {
                    first++;
                }
                assertTrue(first >= lastFirstColumn, site[0] + ": row " + row + " starts before the row above");
                lastFirstColumn = first;
            }
            assertEquals((int) site[1], rows, (String) site[0]);
            assertEquals((int) site[2], supporting, (String) site[0]);
        }
    }

    private static int level(float[] features, int width, int row, int column, int channel) {
        return Reads.level(features, width, row, column, channel);
    }
}
