package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.genomod.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every VCF of the shared data read with lines checked by hand ({@link VcfLine}) gives exactly what
 * htsjdk decoding every record gives: the inspector's facts and warnings (or error), and each record
 * as the inspector and the genotype matrix see it.
 */
class HandCheckedRealDataTest {
    private static final List<String> FOLDERS = List.of("htsjdk-testdata/variant", "htsjdk-testdata/tribble", TestData.BIOC,
            TestData.DEEPVARIANT, TestData.DEEPTRIO);
    /** Well-formed files, among them the benchmark's chr22.vcf.gz, whose every line the hand-written check vouches for. */
    private static final Set<String> CHECKED_BY_HAND_THROUGHOUT = Set.of(TestData.BIOC + "chr22.vcf.gz", TestData.BIOC + "h1187-10k.vcf.gz",
            TestData.HTSJDK + "variant/HiSeq.10000.vcf.bgz", TestData.DEEPVARIANT + "golden.postprocess_gvcf_output.g.vcf",
            TestData.HTSJDK + "variant/vcf43/vcf43.vcf", TestData.BIOC + "structural.vcf", TestData.BIOC + "ex2.vcf");

    /** Every file named like a VCF in {@link #FOLDERS} (and their subfolders), shared data root relative. */
    static Stream<String> vcfs() throws IOException {
        Path root = TestData.file(TestData.BIOC + "chr22.vcf.gz").getParent().getParent();
        List<String> found = new java.util.ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            assertTrue(Files.isDirectory(dir), "missing shared test data: " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> Files.isRegularFile(f) && VariantFiles.hasVariantName(f) && !f.toString().endsWith(".bcf"))
                        .map(f -> root.relativize(f).toString()).sorted().forEach(found::add);
            }
        }
        assertTrue(found.size() >= 24, "expected the 24 VCFs of the shared data, found " + found);
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vcfs")
    void inspectorReportsWhatHtsjdkDecodingReports(String relative) {
        Path file = TestData.file(relative);
        assertEquals(BothPaths.inspectWithHtsjdk(file, null), BothPaths.inspect(file, null));
        Path reference = relative.startsWith(TestData.DEEPVARIANT) ? TestData.hg19Chr20()
                : relative.startsWith(TestData.DEEPTRIO) ? TestData.hs37d5Chr20() : null;
        if (reference != null) { // REF alleles compared with a reference, including contig naming mismatches
            assertEquals(BothPaths.inspectWithHtsjdk(file, reference), BothPaths.inspect(file, reference));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vcfs")
    void recordsAreReadAsHtsjdkReadsThem(String relative) {
        Path file = TestData.file(relative);
        for (Columns mode : List.of(Columns.ALL, Columns.GENOTYPES)) {
            BothPaths.Records records = BothPaths.records(file, mode);
            assertEquals(BothPaths.recordsWithHtsjdk(file, mode), records.lines, mode.toString());
            if (CHECKED_BY_HAND_THROUGHOUT.contains(relative)) {
                assertEquals(records.lines.size(), records.checkedByHand, mode + ": every record checked by hand");
            }
            if (relative.endsWith("test_withNanQual.vcf")) {
                assertEquals(0, records.checkedByHand, "NaN QUALs are left to htsjdk");
            }
        }
    }

    /** Values recorded from the reader before lines were checked by hand (htsjdk decoding every record). */
    @Test
    void chr22GivesTheRecordedReportAndMatrix() throws IOException {
        Path vcf = TestData.file(TestData.BIOC + "chr22.vcf.gz");
        assertEquals("OK vcf 10376 records {samples=5, contigs=[22], snv=9969, indel=406, complex=1, multiallelic=0} []",
                BothPaths.inspect(vcf, null));
        Dataset d = Reads.score(vcf, "mode", "genotypes");
        assertEquals("b7854c3f16a169985122ff5fba9093ce5dc62a7c9d9083414d3fc7339a01a8c4", d.schema().attributes().get("feature_digest"));
        float[] row = new float[d.schema().featureSize()];
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            d.features(i, row, 0);
            for (float v : row) {
                sum += v;
            }
        }
        assertEquals(6573.0, sum, "alternative allele copies over 5 samples x 10,376 variants");
    }
}
