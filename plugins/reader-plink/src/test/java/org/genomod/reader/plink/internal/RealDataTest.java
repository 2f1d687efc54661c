package org.genomod.reader.plink.internal;

import static org.genomod.reader.plink.internal.Reads.features;
import static org.genomod.reader.plink.internal.Reads.label;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads snpStats' for.exercise set in ../shared/data (1,000 subjects x 28,501 chr10 SNPs, PLINK
 * trio with a gzipped .bed). Reference values come from PLINK 1.9 (Debian plink1.9 1.90~b6.26) on the
 * gunzipped trio:
 * {@code plink1.9 --bfile fe --keep-allele-order --allow-no-sex --recode A --out fe_rec}, counted with
 * awk over the .raw file; an independent 20-line numpy decoder of the .bed gave the same totals.
 */
class RealDataTest {
    private static final String DIR = "snpstats-forexercise-gwas/";

    @TempDir
    Path dir;

    private static Path bedGz() {
        return TestData.file(DIR + "for_exercise_chr10.bed.gz");
    }

    private static Dataset all(Path bed, Object... more) throws IOException {
        Object[] args = new Object[more.length + 2];
        args[0] = "phenotype";
        args[1] = "none";
        System.arraycopy(more, 0, args, 2, more.length);
        return Reads.predict(bed, List.of("case"), args);
    }

    /** Counts of raw calls: [0, 1, 2, missing], taking the mask channel to spot the missing ones. */
    private static long[] tally(Dataset masked) {
        long[] counts = new long[4];
        double[] sum = new double[1];
        for (int i = 0; i < masked.size(); i++) {
            float[] f = features(masked, i);
            for (int j = 0; j < f.length; j += 2) {
                if (f[j + 1] == 0f) {
                    counts[3]++;
                } else {
                    counts[(int) f[j]]++;
                }
            }
        }
        return counts;
    }

    /** The whole matrix with its mask, read once for the tests that look at every genotype. */
    private static Dataset masked;

    private static synchronized Dataset masked() throws IOException {
        if (masked == null) {
            masked = all(bedGz(), "mask", true);
        }
        return masked;
    }

    /** The counts of a sample, without the mask channel. */
    private static float[] counts(Dataset masked, int sample) {
        float[] f = features(masked, sample);
        float[] counts = new float[f.length / 2];
        for (int j = 0; j < counts.length; j++) {
            counts[j] = f[2 * j];
        }
        return counts;
    }

    @Test
    void genotypesAgreeWithPlinkRecodeA() throws IOException {
        Dataset masked = masked();
        assertEquals(1000, masked.size());
        assertEquals(List.of(28501, 2), masked.schema().featureShape());
        // awk 'NR>1 {for (i=7; i<=NF; i++) if ($i=="NA") na++; else c[$i]++}' fe_rec.raw
        assertArrayEquals(new long[] {9_776_146, 8_672_466, 9_767_225, 285_163}, tally(masked));
    }

    @Test
    void samplesAndSnpsSitWhereThePlinkFilesPutThem() throws IOException {
        Dataset d = masked();
        assertEquals("jpt.869", d.id(0));
        assertEquals("ceu.464", d.id(999));
        // head -3 fe_rec.raw | cut -d' ' -f7-12 (no NA among them)
        assertArrayEquals(new float[] {2, 2, 0, 1, 0, 1}, Arrays.copyOf(counts(d, 0), 6));
        assertArrayEquals(new float[] {2, 2, 0, 0, 0, 0}, Arrays.copyOf(counts(d, 1), 6));
        // tail -1 fe_rec.raw: the last six SNPs (rs12246880 ... rs12218790)
        float[] last = counts(d, 999);
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, Arrays.copyOfRange(last, 28495, 28501));
    }

    @Test
    void missingCallsBecomeThePlinkAlleleMean() throws IOException {
        Dataset d = masked();
        // rs7909677: awk '$7=="NA"' fe_rec.raw lists 10 samples, jpt.956 (row 110) first; the other 990 sum to 1,871
        float mean = (float) (1871.0 / 990);
        assertEquals(mean, ((PlinkDataset) d).fill(0));
        float[] jpt956 = features(d, Reads.indexOf(d, "jpt.956"));
        assertEquals(mean, jpt956[0]);
        assertEquals(0f, jpt956[1]); // not observed
        // rs10996803 (SNP 14,251): 13 missing, the other 987 sum to 1,864 (its A1 frequency in plink --freq: 0.9443)
        assertEquals((float) (1864.0 / 987), ((PlinkDataset) d).fill(14250));
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            sum += features(d, i)[2 * 14250];
        }
        assertEquals(1864.0 + 13 * 1864.0 / 987, sum, 1e-3);
    }

    @Test
    void famPhenotypeGivesTheCaseControlTask() throws IOException {
        Dataset d = Reads.train(bedGz(), "max_snps", 10);
        // awk '{print $6}' for_exercise_chr10.fam | sort | uniq -c: 500 x 1, 500 x 2
        assertEquals(1000, d.size());
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("case"), d.schema().outputs());
        assertEquals(List.of(10), d.schema().featureShape());
        int cases = 0;
        for (int i = 0; i < d.size(); i++) {
            cases += (int) label(d, i);
        }
        assertEquals(500, cases);
        assertEquals(0f, label(d, 0)); // jpt.869: phenotype 1, a control
    }

    @Test
    void subjectsTableGivesTheSameLabelsAndStrataAsGroups() throws IOException {
        Dataset fam = Reads.train(bedGz(), "max_snps", 1);
        Dataset table = Reads.train(bedGz(), "max_snps", 1,
                "phenotype_file", TestData.file(DIR + "subjects.tsv").toString(), "group_column", "stratum");
        // paste <(cut -f1,6 .fam) <(tail -n +2 subjects.tsv): fam 2 <-> cc 1 and fam 1 <-> cc 0 for all 1,000
        assertEquals("cc", table.schema().attributes().get("phenotype"));
        Map<String, Integer> strata = new HashMap<>();
        for (int i = 0; i < fam.size(); i++) {
            assertEquals(label(fam, i), label(table, i), fam.id(i));
            strata.merge(table.group(i), 1, Integer::sum);
        }
        // tail -n +2 subjects.tsv | cut -f3 | sort | uniq -c
        assertEquals(Map.of("CEU", 494, "JPT+CHB", 506), strata);
    }

    @Test
    void caseControlAndAncestryAreTwoBinaryOutputsOfTheSubjectsTable() throws IOException {
        Dataset d = Reads.train(bedGz(), "max_snps", 1, "phenotype_file", TestData.file(DIR + "subjects.tsv").toString(),
                "phenotype_column", List.of("cc", "stratum"), "positive", "JPT+CHB");
        assertEquals(TaskType.MULTILABEL, d.schema().task());
        assertEquals(List.of("cc", "stratum"), d.schema().outputs());
        assertEquals(1000, d.size());
        float[] sums = new float[2];
        float[] labels = new float[2];
        for (int i = 0; i < d.size(); i++) {
            d.labels(i, labels, 0);
            sums[0] += labels[0];
            sums[1] += labels[1];
        }
        // tail -n +2 subjects.tsv | cut -f2 | sort | uniq -c; cut -f3 likewise: 500 cases, 506 JPT+CHB
        assertEquals(500f, sums[0]);
        assertEquals(506f, sums[1]);
        d.labels(0, labels, 0); // jpt.869: a control of the JPT+CHB stratum
        assertArrayEquals(new float[] {0, 1}, labels);
    }

    @Test
    void plainBedIsSizeCheckedAndReadsTheSame() throws IOException {
        Path bed = dir.resolve("fe.bed");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(bedGz()))) {
            Files.copy(in, bed);
        }
        // 3 + ceil(1000 / 4) x 28,501
        assertEquals(7_125_253, Files.size(bed));
        Object[] trio = {"bim_file", TestData.file(DIR + "for_exercise_chr10.bim").toString(),
            "fam_file", TestData.file(DIR + "for_exercise_chr10.fam").toString()};
        Dataset plain = Reads.predict(bed, List.of("case"), concat(trio, "phenotype", "none", "snps", List.of("rs12218790", "rs7909677")));
        Dataset gz = all(bedGz(), "snps", List.of("rs12218790", "rs7909677"));
        assertEquals(gz.schema().attributes().get("feature_digest"), plain.schema().attributes().get("feature_digest"));
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(features(gz, i), features(plain, i));
        }
        assertArrayEquals(new float[] {0, 2}, features(plain, 999)); // tail -1 fe_rec.raw: rs12218790 0, rs7909677 2
    }

    @Test
    void inspectorSummarisesTheTrio() throws IOException {
        InspectionReport report = new PlinkInspector().inspect(bedGz(), null, Cancellation.NEVER);
        assertEquals("plink", report.format());
        assertEquals(28501, report.records());
        assertEquals(1000, report.facts().get("samples"));
        assertEquals(List.of("10"), report.facts().get("chromosomes"));
        assertEquals("9776146/8672466/9767225", report.facts().get("A1 counts 0/1/2"));
        assertEquals("285,163 (1.00%)", report.facts().get("missing calls"));
        assertEquals("500 cases, 500 controls", report.facts().get("phenotype"));
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
        InspectionReport bim = new PlinkInspector().inspect(TestData.file(DIR + "for_exercise_chr10.bim"), null, Cancellation.NEVER);
        assertEquals("plink-bim", bim.format());
        assertEquals(28501, bim.records());
        InspectionReport fam = new PlinkInspector().inspect(TestData.file(DIR + "for_exercise_chr10.fam"), null, Cancellation.NEVER);
        assertEquals(1000, fam.records());
        assertEquals("500 cases, 500 controls", fam.facts().get("phenotype"));
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
