package org.genomod.eval.variants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.eval.Metrics;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator on small hand-made files whose every count can be worked out by eye. */
class EvaluatorTest {
    //                                 1        10        20        30        40
    //                                 |        |         |         |         |
    private static final String SEQ = "GATTACAGATTACACCCCCAAAAAGGGGGTTTTTACGTACGTACGTACGTAC";
    private static final String HEADER = "##fileformat=VCFv4.2\n##FILTER=<ID=LowQual,Description=\"low\">\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

    @TempDir
    Path dir;
    private Path reference;

    @BeforeEach
    void reference() throws IOException {
        reference = fasta("chr1");
    }

    private Path fasta(String contig) throws IOException {
        Path fa = dir.resolve(contig + ".fa");
        String header = ">" + contig + "\n";
        Files.writeString(fa, header + SEQ + "\n");
        Files.writeString(dir.resolve(contig + ".fa.fai"),
                contig + "\t" + SEQ.length() + "\t" + header.length() + "\t" + SEQ.length() + "\t" + (SEQ.length() + 1) + "\n");
        return fa;
    }

    private Path vcf(String name, String... records) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + String.join("\n", records) + "\n");
        return file;
    }

    private Metrics evaluate(Path calls, Path truth, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put("reference", reference.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        VcfTruthEvaluator evaluator = new VcfTruthEvaluator();
        return evaluator.evaluate(calls, truth, PluginTests.valid(evaluator.parameters(), raw, dir));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(Metrics m, String name) {
        return (Map<String, Object>) m.details().get(name);
    }

    private static List<Object> counts(Metrics m, String category) {
        Map<String, Object> c = get(m, category);
        return List.of(c.get("tp"), c.get("fp"), c.get("fn"));
    }

    @Test
    void isRegisteredAsTheVcfTruthEvaluator() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(VcfTruthEvaluator.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.eval.TruthEvaluator\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.truth\" type=\"String\" value=\"vcf\"/>"), xml);
    }

    @Test
    void countsSnvsAndIndelsSeparatelyAfterLeftAlignment() throws IOException {
        // positions 15-19 are CCCCC: a C deleted at its right end is AC>A at 14, before the run; T>TT in the
        // T run at 30-34 is G>GT at 29
        Path calls = vcf("calls.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1", "chr1\t18\t.\tCC\tC\t50\tPASS\t.\tGT\t1/1",
                "chr1\t40\t.\tC\tG\t50\tPASS\t.\tGT\t0/1");
        Path truth = vcf("truth.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1", "chr1\t14\t.\tAC\tA\t50\tPASS\t.\tGT\t1/1",
                "chr1\t30\t.\tT\tTT\t50\tPASS\t.\tGT\t0/1");
        Metrics m = evaluate(calls, truth);
        assertEquals(List.of(2L, 1L, 1L), counts(m, "all"));
        assertEquals(List.of(1L, 1L, 0L), counts(m, "snv"));
        assertEquals(List.of(1L, 0L, 1L), counts(m, "indel"));
        assertEquals(1L, get(m, "calls").get("normalised"));
        assertEquals(2.0 / 3, m.scalars().get("precision"), 1e-12);
        assertEquals(1.0, get(m, "all").get("genotype_concordance"));
    }

    @Test
    void splitsMultiAllelicRecordsAndComparesGenotypesAsAltCopies() throws IOException {
        // 1/2 against the same two ALTs as separate heterozygous records: each ALT once in both
        Path calls = vcf("calls.vcf", "chr1\t5\t.\tA\tC,G\t50\tPASS\t.\tGT\t1/2", "chr1\t10\t.\tT\tG\t50\tPASS\t.\tGT\t1/1");
        Path truth = vcf("truth.vcf", "chr1\t5\t.\tA\tC\t50\tPASS\t.\tGT\t0/1", "chr1\t5\t.\tA\tG\t50\tPASS\t.\tGT\t1|0",
                "chr1\t10\t.\tT\tG\t50\tPASS\t.\tGT\t0|1");
        Metrics m = evaluate(calls, truth);
        assertEquals(List.of(3L, 0L, 0L), counts(m, "all"));
        assertEquals(2.0 / 3, (double) get(m, "all").get("genotype_concordance"), 1e-12);
        assertEquals(1L, get(m, "calls").get("split"));
    }

    @Test
    void leavesOutFilteredHomRefNoCallAndSymbolicRecords() throws IOException {
        Path calls = vcf("calls.vcf", "chr1\t3\t.\tT\tA\t5\tLowQual\t.\tGT\t0/1", "chr1\t4\t.\tT\tA\t50\tPASS\t.\tGT\t0/0",
                "chr1\t6\t.\tC\tA\t50\t.\t.\tGT\t./.", "chr1\t7\t.\tA\t<*>\t50\tPASS\t.\tGT\t0/0", "chr1\t8\t.\tG\tA,C\t50\tPASS\t.\tGT\t0/2");
        Path truth = vcf("truth.vcf", "chr1\t8\t.\tG\tC\t50\tPASS\t.\tGT\t0/1");
        Metrics m = evaluate(calls, truth);
        assertEquals(List.of(1L, 0L, 0L), counts(m, "all"));
        Map<String, Object> read = get(m, "calls");
        assertEquals(List.of(5L, 1L, 3L, 1L), List.of(read.get("records"), read.get("filtered"), read.get("not_in_genotype"), read.get("symbolic")));

        Metrics all = evaluate(calls, truth, "pass_only", false);
        assertEquals(List.of(1L, 1L, 0L), counts(all, "all"), "the LowQual call counts as an FP");
    }

    @Test
    void bedIntervalsAreZeroBasedHalfOpenAndTheRegionOneBasedInclusive() throws IOException {
        Path calls = vcf("calls.vcf", "chr1\t9\t.\tA\tT\t50\tPASS\t.\tGT\t0/1", "chr1\t10\t.\tT\tA\t50\tPASS\t.\tGT\t0/1",
                "chr1\t11\t.\tT\tG\t50\tPASS\t.\tGT\t0/1", "chr1\t20\t.\tA\tG\t50\tPASS\t.\tGT\t0/1");
        Path truth = vcf("truth.vcf", "chr1\t1\t.\tG\tT\t50\tPASS\t.\tGT\t0/1");
        Path bed = dir.resolve("regions.bed");
        Files.writeString(bed, "track name=x\nchr1\t9\t10\n1\t19\t25\n");
        assertEquals(List.of(0L, 2L, 0L), counts(evaluate(calls, truth, "bed", bed.toString()), "all"), "positions 10 and 20");
        assertEquals(List.of(0L, 3L, 1L), counts(evaluate(calls, truth, "region", "chr1:1-11"), "all"), "positions 1, 9, 10, 11");
        assertEquals(List.of(0L, 1L, 0L), counts(evaluate(calls, truth, "region", "1:1-11", "bed", bed.toString()), "all"));
    }

    @Test
    void matchesContigsAcrossNamingSchemes() throws IOException {
        reference = fasta("20");
        Path calls = vcf("calls.vcf", "chr20\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        Path truth = vcf("truth.vcf", "20\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        assertEquals(List.of(1L, 0L, 0L), counts(evaluate(calls, truth), "all"));
    }

    @Test
    void aContigTheReferenceLacksIsAnErrorNamingTheLine() throws IOException {
        Path calls = vcf("calls.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1", "chr2\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        Path truth = vcf("truth.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        InputFormatException e = assertThrows(InputFormatException.class, () -> evaluate(calls, truth));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("neither 'chr2' nor '2' is a contig of the reference FASTA (it has chr1)"), e.getMessage());
        // with a region the other contig is simply outside it
        assertEquals(List.of(1L, 0L, 0L), counts(evaluate(calls, truth, "region", "chr1"), "all"));
    }

    @Test
    void badInputIsNamedByFileAndLine() throws IOException {
        Path truth = vcf("truth.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        Path badPos = vcf("bad-pos.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1", "chr1\tten\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        InputFormatException e = assertThrows(InputFormatException.class, () -> evaluate(badPos, truth));
        assertEquals(badPos, e.file());
        assertEquals(6, e.line());

        Path badRef = vcf("bad-ref.vcf", "chr1\t3\t.\tG\tA\t50\tPASS\t.\tGT\t0/1");
        e = assertThrows(InputFormatException.class, () -> evaluate(badRef, truth));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("REF G at chr1:3 does not match the reference FASTA, which has T there"), e.getMessage());

        Path notVcf = dir.resolve("calls.txt");
        Files.writeString(notVcf, "chr1\t3\tT\tA\n");
        assertEquals(1, assertThrows(InputFormatException.class, () -> evaluate(notVcf, truth)).line());

        Path bed = dir.resolve("bad.bed");
        Files.writeString(bed, "chr1\t1\t10\nchr1\tx\t20\n");
        e = assertThrows(InputFormatException.class, () -> evaluate(truth, truth, "bed", bed.toString()));
        assertEquals(bed, e.file());
        assertEquals(2, e.line());

        Path elsewhere = dir.resolve("elsewhere.bed");
        Files.writeString(elsewhere, "chr7\t1\t10\n");
        e = assertThrows(InputFormatException.class, () -> evaluate(truth, truth, "bed", elsewhere.toString()));
        assertTrue(e.getMessage().contains("none of its contigs is in the reference FASTA"), e.getMessage());

        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> evaluate(truth, truth, "region", "chr9:5-10"));
        assertTrue(r.getMessage().contains("neither 'chr9' nor '9'"), r.getMessage());
    }

    @Test
    void aReferenceWithoutIndexIsNamed() throws IOException {
        Files.delete(dir.resolve("chr1.fa.fai"));
        Path truth = vcf("truth.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        InputFormatException e = assertThrows(InputFormatException.class, () -> evaluate(truth, truth));
        assertTrue(e.getMessage().contains("has no index chr1.fa.fai"), e.getMessage());
    }

    @Test
    void sitesOnlyFilesHaveNoGenotypeConcordance() throws IOException {
        Path sites = dir.resolve("sites.vcf");
        Files.writeString(sites, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\t3\t.\tT\tA\t50\tPASS\t.\n");
        Path calls = vcf("calls.vcf", "chr1\t3\t.\tT\tA\t50\tPASS\t.\tGT\t0/1");
        Metrics m = evaluate(calls, sites);
        assertEquals(List.of(1L, 0L, 0L), counts(m, "all"));
        assertNull(get(m, "all").get("genotype_concordance"));
        assertEquals(0L, get(m, "all").get("genotypes_compared"));
    }
}
