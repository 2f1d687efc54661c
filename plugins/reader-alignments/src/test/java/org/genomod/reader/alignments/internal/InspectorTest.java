package org.genomod.reader.alignments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code genomod inspect} on alignments: every valid file is read completely and summarised, every
 * malformed one fails with one sentence. Counts from samtools 1.16.1: {@code samtools view -c FILE},
 * {@code -c -F 4} (mapped), {@code -c -f 1024} (duplicates), {@code -c -f 256}/{@code -f 2048}.
 */
class InspectorTest {
    private static final String HTSJDK = "htsjdk-testdata/samtools/";
    private final AlignmentsInspector inspector = new AlignmentsInspector();

    private InspectionReport inspect(String file, String reference) throws IOException {
        return inspector.inspect(SharedData.file(file), reference == null ? null : SharedData.file(reference), Cancellation.NEVER);
    }

    private InputFormatException failure(String file, String reference) {
        return assertThrows(InputFormatException.class, () -> inspect(file, reference), file + " should be rejected");
    }

    @Test
    void na12878BamIsSummarised() throws IOException {
        InspectionReport report = inspect("deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam",
                "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz");
        assertEquals("bam", report.format());
        assertEquals(26_000, report.records());
        // The header lists all 25 hg19 contigs and the FASTA only chr20: not an error, every read is on chr20.
        assertEquals(Map.of("mapped", 25_916L, "duplicates", 143L, "contigs with reads", List.of("chr20"),
                "sorted", "coordinate", "index", "bai"), report.facts());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void na12878CramDecodesWithItsEmbeddedReferenceOrTheFasta() throws IOException {
        String cram = "deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.cram";
        for (String reference : new String[] {null, "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz"}) {
            InspectionReport report = inspect(cram, reference);
            assertEquals("cram", report.format());
            // samtools view -c: 26,000; -F 4: 25,916; -f 1024: 143
            assertEquals(26_000, report.records());
            assertEquals(25_916L, report.facts().get("mapped"));
            assertEquals(143L, report.facts().get("duplicates"));
            assertEquals("crai", report.facts().get("index"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, records, mapped, duplicates, secondary, supplementary (-1: not reported because both are 0)
        "deepvariant-na12878-chr20/HG002_NIST_150bp_downsampled_30x.chr20.10_10p1mb.bam, 21238, 21161, 273, 32, 0",
        "deeptrio-hg001-trio-chr20/HG001.chr20.10_10p1mb_sorted.bam, 1823, 1820, 240, 0, 8",
        "deeptrio-hg001-trio-chr20/NA12891.chr20.10_10p1mb_sorted.bam, 2593, 2589, 383, 0, 10",
        "deeptrio-hg001-trio-chr20/NA12892.chr20.10_10p1mb_sorted.bam, 2492, 2486, 295, 0, 6",
        "htsjdk-testdata/samtools/cram/CEUTrio.HiSeq.WGS.b37.NA12878.20.first.500.bam, 844, 844, 126, -1, -1",
        "htsjdk-testdata/samtools/example.bam, 78, 78, 17, -1, -1",
        "htsjdk-testdata/samtools/sequenceWithSpace.bam, 2, 2, 0, -1, -1",
        "htsjdk-testdata/samtools/BAMCigarOverflowTest/CigarOverflowTest.bam, 1, 1, 0, -1, -1",
        "htsjdk-testdata/samtools/empty.bam, 0, 0, 0, -1, -1",
    })
    void validFilesAreCountedLikeSamtools(String file, long records, long mapped, long duplicates, long secondary,
                                          long supplementary) throws IOException {
        InspectionReport report = inspect(file, null);
        assertEquals(records, report.records());
        assertEquals(mapped, report.facts().get("mapped"));
        assertEquals(duplicates, report.facts().get("duplicates"));
        assertEquals(secondary < 0 ? null : secondary, report.facts().get("secondary"));
        assertEquals(supplementary < 0 ? null : supplementary, report.facts().get("supplementary"));
    }

    @Test
    void legalButDoubtfulFilesPassWithWarnings() throws IOException {
        InspectionReport unsorted = inspect(HTSJDK + "unsorted.sam", null);
        assertEquals(10, unsorted.records());
        assertEquals("unsorted", unsorted.facts().get("sorted"));
        assertEquals(List.of("not sorted by coordinate, which the alignments reader needs (samtools sort)"), unsorted.warnings());

        // samtools warns "EOF marker is absent" for both
        InspectionReport noTerminator = inspect(HTSJDK + "util/no_bgzf_terminator.bam", null);
        assertEquals(2, noTerminator.records());
        assertTrue(noTerminator.warnings().get(0).startsWith("no BGZF end-of-file marker"), noTerminator.warnings().toString());
        InspectionReport headerOnly = inspect(HTSJDK + "empty_no_empty_gzip_block.bam", null);
        assertEquals(0, headerOnly.records());
        assertTrue(headerOnly.warnings().get(0).startsWith("no BGZF end-of-file marker"));

        assertEquals(List.of("no index, which reading a region needs (samtools index)"), inspect(HTSJDK + "example.bam", null).warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | reference | line | message
        "ValidateSamFileTest/truncated.bam | | 0 | the file is truncated: it ends in the middle of a record or block after record 5,504",
        "util/defective_bgzf.bam | | 0 | the file is damaged after record 1: incorrect header size",
        "ValidateSamFileTest/missing_fields.sam | | 3 | invalid record: not enough fields",
        "ValidateSamFileTest/truncated_quals.sam | | 4 | invalid record: length(QUAL) != length(SEQ)",
        "ValidateSamFileTest/truncated_tag.sam | | 4 | invalid record: tag of type i should have signed decimal value",
        "readWithBadRname.sam | | 5 | invalid record: = is not a valid value for RNAME field",
        // records carry RG:Z:0 without an @RG line; that comes before their sort order is judged
        "ValidateSamFileTest/invalid_coord_sort_order.sam | | 10 | invalid record: RG ID on SAMRecord not found in header: 0",
        "ValidateSamFileTest/invalid_queryname_sort_order.sam | | 10 | invalid record: RG ID on SAMRecord not found in header: 0",
        "ValidateSamFileTest/invalid_mate_cigar_string.sam | | 0 | record 1 (pair_both_hit) has MC:Z:99M, but its mate (record 4) has CIGAR 101M",
        "ValidateSamFileTest/invalid_platform_unit.sam | | 0 | read group '0' has platform PL:TRICORDER, which is not one the SAM specification allows (e.g. ILLUMINA, PACBIO, ONT)",
        "cram/CRAMException/testContigNotInRef.cram | cram/CRAMException/testContigNotInRef.fa | 0 | the CRAM has reads on contig 'Sheila', which reference testContigNotInRef.fa lacks (it has Shelly)",
        "cram/CRAMException/testContigNotInRef.cram | | 0 | decoding this CRAM needs the reference sequence of contig 'Sheila' (it stores reads as differences to it), but no reference was given",
        "cram/ce#containsInvalidRecords.3.0.cram | | 0 | decoding this CRAM needs the reference sequence of contig 'CHROMOSOME_I' (it stores reads as differences to it), but no reference was given",
        "cram/CEUTrio.HiSeq.WGS.b37.NA12878.20.21.10m-10m100.cram | cram/human_g1k_v37.20.21.10M-10M200k.fasta | 0 | contig '20' is 63,025,520 bp in the CRAM header but 200,000 bp in reference human_g1k_v37.20.21.10M-10M200k.fasta: the CRAM was made against another reference",
        "example.bam | cram/human_g1k_v37.20.21.10M-10M200k.fasta | 0 | contig '20' is 63,025,520 bp in the header but 200,000 bp in reference human_g1k_v37.20.21.10M-10M200k.fasta: the reads were aligned to another assembly",
    })
    void malformedHtsjdkFilesGetOneSentence(String file, String reference, long line, String message) {
        InputFormatException e = failure(HTSJDK + file, reference == null ? null : HTSJDK + reference);
        assertEquals(message, e.problem());
        assertEquals(line, e.line());
        assertEquals(SharedData.file(HTSJDK + file), e.file());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void contigNamingMismatchWithTheReferenceIsOneSentence() {
        InputFormatException e = failure("deepvariant-na12878-chr20/HG002_NIST_150bp_downsampled_30x.chr20.10_10p1mb.bam",
                "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz");
        assertEquals("record 1 (HISEQ1:22:H9UJNADXX:2:2202:8957:28957) is on contig '20', which reference"
                + " ucsc.hg19.chr20.unittest.fasta.gz lacks (it names it 'chr20': the files use different contig naming,"
                + " Ensembl '20' vs UCSC 'chr20')", e.problem());
    }

    @Test
    void ownBadCases(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.bam"));
        assertEquals("the file is empty", assertThrows(InputFormatException.class,
                () -> inspector.inspect(empty, null, Cancellation.NEVER)).problem());

        Path text = Files.writeString(dir.resolve("text.bam"), "hello world\n");
        assertEquals("invalid record: not enough fields", assertThrows(InputFormatException.class,
                () -> inspector.inspect(text, null, Cancellation.NEVER)).problem());

        byte[] bam = Files.readAllBytes(SharedData.file("deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam"));
        Path cut = Files.write(dir.resolve("cut.bam"), java.util.Arrays.copyOf(bam, 3000));
        assertEquals("the file is truncated or damaged: it does not end with a complete BGZF block",
                assertThrows(InputFormatException.class, () -> inspector.inspect(cut, null, Cancellation.NEVER)).problem());

        Path unsorted = Files.writeString(dir.resolve("declared.sam"), String.join("\n",
                "@HD\tVN:1.6\tSO:coordinate", "@SQ\tSN:c\tLN:100",
                "r1\t0\tc\t50\t60\t4M\t*\t0\t0\tACGT\tIIII",
                "r2\t0\tc\t10\t60\t4M\t*\t0\t0\tACGT\tIIII", ""));
        assertEquals("record 2 (r2 at c:10) is out of order: the header declares SO:coordinate, but it comes after a record at c:50",
                assertThrows(InputFormatException.class, () -> inspector.inspect(unsorted, null, Cancellation.NEVER)).problem());
    }

    @Test
    void acceptsAlignmentsByNameOrContentOnly() throws IOException {
        byte[] bamHead = {'B', 'A', 'M', 1, 0, 0};
        assertTrue(inspector.accepts(Path.of("reads.bam"), new byte[0]));
        assertTrue(inspector.accepts(Path.of("reads.CRAM"), new byte[0]));
        assertTrue(inspector.accepts(Path.of("reads.sam"), new byte[0]));
        assertTrue(inspector.accepts(Path.of("reads.dat"), bamHead));
        assertTrue(inspector.accepts(Path.of("reads"), "CRAM\3\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(inspector.accepts(Path.of("reads.txt"), "@HD\tVN:1.6\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(inspector.accepts(Path.of("calls.vcf"), "##fileformat=VCFv4.2\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(inspector.accepts(Path.of("peaks.bed"), "chr1\t10\t20\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(inspector.accepts(Path.of("genome.fa"), ">chr1\nACGT\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(inspector.accepts(Path.of("genotypes.bed"), new byte[] {0x6c, 0x1b, 0x01}));
    }
}
