package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Reads.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.InspectionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every VCF of htsjdk's own test data (../shared/data/htsjdk-testdata): the malformed ones get one
 * clear line from the inspector and the reader, the valid ones are read completely. Record counts
 * are {@code bcftools view -H FILE | wc -l} (bcftools 1.16), or {@code grep -vc '^#'} where
 * bcftools refuses the file (noted).
 */
class HtsjdkTestDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tribble/AbstractFeatureReaderTest/mangledBaseVariants.vcf | 1 | is not a VCF file: it must begin with ##fileformat=VCFv4.x, but begins with '!##fileformat=VCFv4.2'",
        "tribble/vcfexample.vcf                                      | 1 | is not a VCF file: it must begin with ##fileformat=VCFv4.x, but begins with '##format=VCRv3.2'",
        "tribble/vcfexample.vcf.gz                                   | 1 | is not a VCF file: it must begin with ##fileformat=VCFv4.x, but begins with '##format=VCRv3.2'",
        "tribble/vcfexample.vcf.truncated.gz                         | 0 | is truncated or damaged: its last BGZF block is incomplete",
        "tribble/vcfexample.vcf.truncated.hdr.gz                     | 0 | is truncated or damaged: its last BGZF block is incomplete",
        "variant/corrupt_file_that_starts_with_#.vcf                 | 1 | is not a VCF file: it must begin with ##fileformat=VCFv4.x, but begins with '#'",
        "variant/test_withNegInfQual.vcf                             | 5 | QUAL '-Infinity' is negative, but a phred-scaled quality is at least 0",
    })
    void malformedFilesGetOneClearLine(String relative, long line, String problem) {
        Path file = TestData.file(TestData.HTSJDK + relative);
        assertTrue(new VcfFileInspector().accepts(file, new byte[0]), "claimed by name");
        assertRejected(file, line, problem, () -> Reads.inspect(file, null));
        assertRejected(file, line, problem, () -> Reads.score(file, "mode", "genotypes"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tribble/AbstractFeatureReaderTest/baseVariants.vcf | 26   | 0",
        "variant/NA12891.vcf                                | 3    | 1",
        "variant/NA12891.vcf.gz                             | 3    | 1",
        "variant/structuralvariants.vcf                     | 4    | 1",
        "variant/vcf43/vcf43.vcf                            | 25   | 3",
        // bcftools refuses these two (an empty sample name from a trailing tab; GQ=NaN in an Integer field): grep -vc '^#'
        "variant/HiSeq.10000.vcf.bgz                        | 9965 | 1",
        "variant/test_withNanQual.vcf                       | 4    | 1",
    })
    void validFilesAreReadCompletely(String relative, long records, int samples) throws IOException {
        InspectionReport report = Reads.inspect(TestData.file(TestData.HTSJDK + relative), null);
        assertEquals("vcf", report.format());
        assertEquals(records, report.records());
        assertEquals(samples, report.facts().get("samples"));
    }

    @Test
    void notableButLegalThingsAreWarnings() throws IOException {
        InspectionReport hiSeq = Reads.inspect(TestData.file(TestData.HTSJDK + "variant/HiSeq.10000.vcf.bgz"), null);
        assertEquals(List.of("the #CHROM header line (line 37) ends in whitespace, an empty sample name to bcftools, which rejects the file"),
                hiSeq.warnings());
        // bcftools view -H -i 'FILTER!="PASS"' HiSeq.10000.vcf.bgz is refused; awk '$7 != "PASS"' on the body: 3342
        assertEquals(3342L, hiSeq.facts().get("filtered"));
        InspectionReport sv = Reads.inspect(TestData.file(TestData.HTSJDK + "variant/structuralvariants.vcf"), null);
        assertEquals(4L, sv.facts().get("symbolic"));
        InspectionReport v43 = Reads.inspect(TestData.file(TestData.HTSJDK + "variant/vcf43/vcf43.vcf"), null);
        assertTrue(v43.warnings().contains("INFO fields AB, AC, AF, AN, DB, ... (13) not declared in the header"), v43.warnings().toString());
    }
}
