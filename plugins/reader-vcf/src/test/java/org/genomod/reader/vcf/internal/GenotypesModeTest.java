package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Fixtures.record;
import static org.genomod.reader.vcf.internal.Reads.assertRejected;
import static org.genomod.reader.vcf.internal.Reads.features;
import static org.genomod.reader.vcf.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode genotypes: samples as examples, one allele count per ALT allele, missing calls, sample labels. */
class GenotypesModeTest {
    @TempDir
    Path dir;
    Path vcf;

    @BeforeEach
    void write() throws IOException {
        vcf = Fixtures.genotypes(dir, "trio.vcf", "S1 S2 S3",
                record("chrT 12 . G T . PASS . GT 0/0 0/1 1/1"),
                record("chrT 20 . C A,G . PASS . GT 1/2 ./. 2/2"),
                record("chrT 25 . T A,* . PASS . GT 0/1 0/2 1|1"),
                record("chrT 30 . A <DEL> . PASS . GT 0/1 0/0 0/0"),
                record("chrT 40 . A . . PASS . GT 0/0 0/0 0/0"),
                record("chrT 41 . C T . q10 . GT 0 1 ./1"));
    }

    private Dataset genotypes(Object... more) throws IOException {
        Object[] args = new Object[more.length + 2];
        args[0] = "mode";
        args[1] = "genotypes";
        System.arraycopy(more, 0, args, 2, more.length);
        return Reads.score(vcf, args);
    }

    @Test
    void countsEachAltAlleleAndImputesTheColumnMean() throws IOException {
        Dataset d = genotypes();
        assertEquals(3, d.size());
        assertEquals(List.of("S1", "S2", "S3"), List.of(d.id(0), d.id(1), d.id(2)));
        assertNull(d.group(0));
        assertEquals(List.of(6), d.schema().featureShape());
        assertEquals("genotype-allele-count", d.schema().encoding());
        // columns: chrT:12 T, chrT:20 A, chrT:20 G, chrT:25 A (the * allele gives none), chrT:30 <DEL>, chrT:41 T (haploid calls)
        assertArrayEquals(new float[] {0, 1, 1, 1, 1, 0}, features(d, 0));
        assertArrayEquals(new float[] {1, 0.5f, 1.5f, 0, 0, 1}, features(d, 1), "./. takes the mean of the called samples");
        assertArrayEquals(new float[] {2, 0, 2, 2, 0, 0.5f}, features(d, 2), "./1 is uncalled too");
        Map<String, Object> a = d.schema().attributes();
        assertEquals("chrT:12:G>T", a.get("first_feature"));
        assertEquals("chrT:41:C>T", a.get("last_feature"));
        assertEquals(3L, a.get("missing_genotypes"));
        assertEquals(Map.of("overlapping_deletion_allele", 1L, "record_without_alt", 1L), a.get("skipped"));
    }

    @Test
    void missingCallsFollowTheMissingParameter() throws IOException {
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, features(genotypes("missing", "zero"), 1));
        float[] nan = features(genotypes("missing", "nan"), 1);
        assertTrue(Float.isNaN(nan[1]) && Float.isNaN(nan[2]) && nan[0] == 1f, java.util.Arrays.toString(nan));
        // 10 header lines, #CHROM on line 11: the chrT:20 record is line 13
        assertRejected(vcf, 13, "record at chrT:20: sample S2 has no genotype call (./.); set missing: mean, zero or nan",
                () -> genotypes("missing", "error"));
    }

    @Test
    void filtersChooseTheColumnsAndTheDigestNamesThem() throws IOException {
        Dataset all = genotypes();
        Dataset pass = genotypes("pass_only", true);
        assertEquals(List.of(5), pass.schema().featureShape());
        Dataset snvs = genotypes("variant_types", List.of("snv"));
        assertEquals(List.of(5), snvs.schema().featureShape());
        assertArrayEquals(new float[] {0, 1, 1, 1, 0}, features(snvs, 0));
        assertEquals(Map.of("overlapping_deletion_allele", 1L, "record_without_alt", 1L, "symbolic_allele", 1L),
                snvs.schema().attributes().get("skipped"));
        assertNotEquals(all.schema().attributes().get("feature_digest"), pass.schema().attributes().get("feature_digest"));
        assertEquals(all.schema().attributes().get("feature_digest"), genotypes().schema().attributes().get("feature_digest"));
        assertEquals(List.of(2), genotypes("region", "chrT:15-24").schema().featureShape(), "chrT:20 A and G");
        assertEquals(List.of(3), genotypes("region", "chrT:15-25").schema().featureShape(), "and chrT:25 A");
    }

    @Test
    void labelsComeFromASampleTable() throws IOException {
        Path table = Files.writeString(dir.resolve("labels.tsv"), "S3\tcase\nS1\tcase\nS2\tcontrol\nS9\tcontrol\n");
        Dataset d = Reads.train(vcf, "mode", "genotypes", "labels_file", table, "positive", "case");
        assertTrue(d.labelled());
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("case"), d.schema().outputs());
        assertArrayEquals(new float[] {1}, labels(d, 0));
        assertArrayEquals(new float[] {0}, labels(d, 1));
        assertArrayEquals(new float[] {1}, labels(d, 2));

        Path heights = Files.writeString(dir.resolve("heights.tsv"), "sample\theight\nS1\t1.5\nS2\t1.75\nS3\t2\n");
        Dataset r = Reads.train(vcf, "mode", "genotypes", "labels_file", heights, "task", "regression");
        assertEquals(List.of("height"), r.schema().outputs());
        assertArrayEquals(new float[] {1.75f}, labels(r, 1));
    }

    @Test
    void labelTableProblemsAreReported() throws IOException {
        Path partial = Files.writeString(dir.resolve("partial.tsv"), "S1\tcase\nS3\tcontrol\n");
        assertRejected(partial, 0, "sample S2 has no label (it is not listed in partial.tsv), and training needs one",
                () -> Reads.train(vcf, "mode", "genotypes", "labels_file", partial));
        Path repeated = Files.writeString(dir.resolve("repeated.tsv"), "S1\tcase\nS2\tcase\nS1\tcontrol\n");
        assertRejected(repeated, 3, "sample 'S1' is listed again (first on line 1)",
                () -> Reads.train(vcf, "mode", "genotypes", "labels_file", repeated));
        Path ragged = Files.writeString(dir.resolve("ragged.tsv"), "S1\tcase\tx\n");
        assertRejected(ragged, 1, "has 3 tab-separated fields, expected 2: sample, label",
                () -> Reads.train(vcf, "mode", "genotypes", "labels_file", ragged));
        Path text = Files.writeString(dir.resolve("text.tsv"), "S1\t1\nS2\ttall\nS3\t2\n");
        assertRejected(text, 2, "label 'tall' is not a number, but the task is regression",
                () -> Reads.train(vcf, "mode", "genotypes", "labels_file", text, "task", "regression"));
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "sample\tlabel\n");
        assertRejected(empty, 0, "has no labels", () -> Reads.train(vcf, "mode", "genotypes", "labels_file", empty));
    }

    @Test
    void aVcfWithoutSamplesCannotGiveGenotypes() throws IOException {
        Path sites = Fixtures.sites(dir, "sites.vcf", record("chrT 12 . G T 50 PASS ."));
        assertRejected(sites, 0, "has no samples, but mode genotypes makes one example per sample",
                () -> Reads.score(sites, "mode", "genotypes"));
    }

    @Test
    void maxVariantsBoundsTheColumns() throws IOException {
        assertEquals(List.of(6), genotypes("max_variants", 6).schema().featureShape());
        assertRejected(vcf, 0, "has more than max_variants (5) variant alleles to read", () -> genotypes("max_variants", 5));
    }

    @Test
    void predictionKeepsTheColumnsAndDropsTheLabels() {
        VcfDataReader reader = new VcfDataReader();
        Map<String, Object> training = Map.of("mode", "genotypes", "region", "chrT", "labels_file", "l.tsv", "missing", "zero");
        Map<String, Object> prediction = reader.predictionParameters(training, Path.of("/new.vcf"));
        assertEquals(Map.of("mode", "genotypes", "region", "chrT", "missing", "zero", "path", "/new.vcf"), prediction);
        Map<String, Object> variants = reader.predictionParameters(
                Map.of("mode", "variants", "region", "chrT", "label_info", "DB", "reference", "/r.fa", "window", 100), Path.of("/v.vcf"));
        assertEquals(Map.of("mode", "variants", "reference", "/r.fa", "window", 100, "path", "/v.vcf"), variants);
        assertFalse(variants.containsKey("label_info"));
    }
}
