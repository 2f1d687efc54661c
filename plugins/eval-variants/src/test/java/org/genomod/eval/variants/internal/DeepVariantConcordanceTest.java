package org.genomod.eval.variants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.eval.Metrics;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * DeepVariant's golden output for NA12878 against the GIAB NIST truth (deepvariant-na12878-chr20), checked
 * against an independent count made with bcftools 1.16 (Debian package). The bcftools pipeline, run in the
 * data folder:
 *
 * <pre>
 * REF=ucsc.hg19.chr20.unittest.fasta.gz; BED=test_nist.b37_chr20_100kbp_at_10mb.bed
 * bcftools view -f PASS,. golden.postprocess_single_site_output.vcf -Ou | bcftools norm -m- -f $REF -Ou \
 *   | bcftools view -T $BED -Oz -o calls.vcf.gz &amp;&amp; bcftools index -t calls.vcf.gz
 * bcftools norm -m- -f $REF test_nist.b37_chr20_first_half.vcf.gz -Ou \
 *   | bcftools view -T $BED -Oz -o truth.vcf.gz &amp;&amp; bcftools index -t truth.vcf.gz
 * bcftools isec -c none -p isec calls.vcf.gz truth.vcf.gz
 *   # FP = records in isec/0000.vcf, FN = isec/0001.vcf, TP = isec/0002.vcf; per type: bcftools view -H -v snps|indels
 *   # genotype concordance: GT of isec/0002.vcf against isec/0003.vcf, compared as the number of '1' alleles
 * </pre>
 *
 * Without {@code -T $BED} in both pipelines it gives the whole-file figures; with {@code bcftools view -t
 * chr20:10000000-10010000} added after {@code -T $BED}, the figures inside DeepVariant's calling window. Both
 * VCFs name the contig {@code chr20} (the truth too, despite "b37" in its name), as the FASTA does.
 */
class DeepVariantConcordanceTest {
    private static final String DATA = "deepvariant-na12878-chr20/";

    // bcftools, inside the BED: 47 TP, 0 FP, 2 FN (SNVs 43/0/2, indels 4/0/0); 47 of 47 TP genotypes agree.
    // The two FNs: chr20:10001019 T>G (truth 0/1), which DeepVariant called RefCall (not PASS), and
    // chr20:10010393 T>G (truth 0/1), which lies in the BED but beyond chr20:10,009,883, where the golden
    // calls end. The data README's "1 FN" counts inside the calling window only (next test).
    private static final long[] BED_ALL = {47, 0, 2};
    private static final long[] BED_SNV = {43, 0, 2};
    private static final long[] BED_INDEL = {4, 0, 0};
    // bcftools, BED and chr20:10000000-10010000: 47 TP, 0 FP, 1 FN (10001019).
    private static final long[] WINDOW_ALL = {47, 0, 1};
    // bcftools, whole files: 62 TP, 11 FP, 68 FN (SNVs 54/5/52, indels 8/6/16); 61 of 62 TP genotypes agree
    // (chr20:10009871 A>G called 1/1, truth 1|0).
    private static final long[] WHOLE_ALL = {62, 11, 68};
    private static final long[] WHOLE_SNV = {54, 5, 52};
    private static final long[] WHOLE_INDEL = {8, 6, 16};

    private static Metrics evaluate(Object... keyValues) throws IOException {
        Path calls = SharedData.file(DATA + "golden.postprocess_single_site_output.vcf");
        Path truth = SharedData.file(DATA + "test_nist.b37_chr20_first_half.vcf.gz");
        Map<String, Object> raw = new HashMap<>();
        raw.put("reference", SharedData.file(DATA + "ucsc.hg19.chr20.unittest.fasta.gz").toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        VcfTruthEvaluator evaluator = new VcfTruthEvaluator();
        return evaluator.evaluate(calls, truth, PluginTests.valid(evaluator.parameters(), raw, calls.getParent()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> category(Metrics m, String name) {
        return (Map<String, Object>) m.details().get(name);
    }

    private static void assertCounts(long[] expected, Metrics m, String name) {
        Map<String, Object> c = category(m, name);
        assertEquals(List.of(expected[0], expected[1], expected[2]), List.of(c.get("tp"), c.get("fp"), c.get("fn")), name);
    }

    @Test
    void insideTheConfidentRegionsAgreesWithBcftools() throws IOException {
        Metrics m = evaluate("bed", SharedData.file(DATA + "test_nist.b37_chr20_100kbp_at_10mb.bed").toString());
        assertCounts(BED_ALL, m, "all");
        assertCounts(BED_SNV, m, "snv");
        assertCounts(BED_INDEL, m, "indel");
        assertEquals(1.0, category(m, "all").get("genotype_concordance"));
        assertEquals(47L, category(m, "all").get("genotypes_compared"));
        assertEquals(1.0, m.scalars().get("precision"));
        assertEquals(47.0 / 49, m.scalars().get("recall"), 1e-12);
        assertEquals(2 * (47.0 / 49) / (1 + 47.0 / 49), m.scalars().get("f1"), 1e-12);
        @SuppressWarnings("unchecked")
        Map<String, Object> calls = (Map<String, Object>) m.details().get("calls");
        assertEquals(7L, calls.get("filtered"), "the RefCall records");
        assertEquals(2L, calls.get("split"), "the two 1/2 records");
    }

    @Test
    void insideDeepVariantsCallingWindowTheReadmesSingleFalseNegativeRemains() throws IOException {
        Metrics m = evaluate("bed", SharedData.file(DATA + "test_nist.b37_chr20_100kbp_at_10mb.bed").toString(),
                "region", "chr20:10,000,000-10,010,000");
        assertCounts(WINDOW_ALL, m, "all");
        assertEquals(47.0 / 48, m.scalars().get("recall"), 1e-12);
    }

    @Test
    void wholeFilesAgreeWithBcftoolsIncludingTheLeftAlignedTruthIndel() throws IOException {
        Metrics m = evaluate();
        assertCounts(WHOLE_ALL, m, "all");
        assertCounts(WHOLE_SNV, m, "snv");
        assertCounts(WHOLE_INDEL, m, "indel");
        assertEquals(61.0 / 62, (double) category(m, "all").get("genotype_concordance"), 1e-12);
    }

    @Test
    void theB37NameOfTheRegionFindsTheHg19Contig() throws IOException {
        Metrics m = evaluate("bed", SharedData.file(DATA + "test_nist.b37_chr20_100kbp_at_10mb.bed").toString(),
                "region", "20:10000000-10010000");
        assertCounts(WINDOW_ALL, m, "all");
    }
}
