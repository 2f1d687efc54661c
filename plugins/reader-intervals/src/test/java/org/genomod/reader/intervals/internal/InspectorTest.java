package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genomod inspect} on interval files: the valid real files read completely, every malformed
 * one in htsjdk's test data gives one line naming the line and the problem.
 */
class InspectorTest {
    private final IntervalsInspector inspector = new IntervalsInspector();
    @TempDir
    Path dir;

    /** The head as InspectCommand passes it: the first 64 KiB, decompressed when gzip. */
    private static byte[] head(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return in.readNBytes(64 * 1024);
            }
        }
        return java.util.Arrays.copyOf(raw, Math.min(raw.length, 64 * 1024));
    }

    private InspectionReport inspect(Path file, Path reference) throws IOException {
        assertTrue(inspector.accepts(file, head(file)), "not accepted: " + file);
        return inspector.inspect(file, reference, Cancellation.NEVER);
    }

    private String error(Path file, Path reference) throws IOException {
        assertTrue(inspector.accepts(file, head(file)), "not accepted: " + file);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> inspector.inspect(file, reference, Cancellation.NEVER));
        assertEquals(file, e.file());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage().substring(file.toString().length());
    }

    @Test
    void validHtsjdkBedFilesAreReadCompletely() throws IOException {
        // counts and bases: awk '!/^#/ {n++; s+=$3-$2} END {print n, s}' (zcat for .gz)
        InspectionReport unigene = inspect(TestData.file("htsjdk-testdata/tribble/bed/Unigene.sample.bed"), null);
        assertEquals("bed", unigene.format());
        assertEquals(72, unigene.records());
        assertEquals(Map.of("contigs", List.of("chr2"), "bases", 200970251L, "columns", 12), unigene.facts());
        assertEquals(List.of(), unigene.warnings());

        InspectionReport header = inspect(TestData.file("htsjdk-testdata/tribble/bed/2featuresWithHeader.bed.gz"), null);
        assertEquals(2, header.records());
        assertEquals(999909L, header.facts().get("bases"));
    }

    @Test
    void malformedHtsjdkFilesGiveOneClearLine() throws IOException {
        assertEquals(":5: chr2:178777793 comes after chr2:178908612 (line 4), so the file is not sorted; "
                + "sort it with: sort -k1,1 -k2,2n", error(TestData.file("htsjdk-testdata/tribble/bed/unsorted.bed"), null));
        assertEquals(":34: column 3 is empty (two tabs in a row, or a tab at the end of the line)",
                error(TestData.file("htsjdk-testdata/tribble/bed/NA12878.deletions.10kbp.het.gq99.hand_curated.hg19.bed"), null));
        // htsjdk's file names and contents disagree for two of these; the messages follow the contents
        String lists = "htsjdk-testdata/samtools/intervallist/";
        assertEquals(":6: column 4 (strand) is '*'; expected + or -",
                error(TestData.file(lists + "broken.end.extends.too.far.interval_list"), null));
        assertEquals(":5: end 17032814 is before start 17032816",
                error(TestData.file(lists + "broken.start.bigger.than.end.interval_list"), null));
        assertEquals(":6: end 243199374 lies beyond the end of 2 (length 243199373 in the header)",
                error(TestData.file(lists + "broken.unallowed.strand.interval_list"), null));
        assertEquals(":5: column 2 (start) is 0; coordinates start at 1 in this format",
                error(TestData.file(lists + "broken.zero.start.interval_list"), null));
    }

    @Test
    void bedFilesAreCheckedAgainstAReference() throws IOException {
        InspectionReport nist = inspect(TestData.nistBed(), TestData.hg19Chr20());
        assertEquals(11, nist.records());
        assertEquals(8999L, nist.facts().get("bases")); // README: 11 intervals, 8,999 bp
        assertEquals("ucsc.hg19.chr20.unittest.fasta.gz", nist.facts().get("reference"));
        assertEquals(11, inspect(TestData.giabBed(), TestData.hs37d5Chr20()).records());
        assertEquals(":1: contig '20' is not in reference ucsc.hg19.chr20.unittest.fasta.gz (it has: chr20); "
                + "the reference calls it 'chr20': use a reference with the same contig names",
                error(TestData.giabBed(), TestData.hg19Chr20()));
        Path far = Fixtures.text(dir, "far.bed", "chr20\t63025000\t63025521");
        assertEquals(":1: interval chr20:63025001-63025521 ends beyond chr20, which has 63025520 bases in reference "
                + "ucsc.hg19.chr20.unittest.fasta.gz; is the file for another assembly?", error(far, TestData.hg19Chr20()));
    }

    @Test
    void badReferenceIsReported() throws IOException {
        Path fasta = Fixtures.fasta(dir, "ref.fa", "chr1", "ACGT".repeat(50));
        Files.delete(dir.resolve("ref.fa.fai"));
        Path bed = Fixtures.text(dir, "a.bed", "chr1\t1\t2");
        InputFormatException e = assertThrows(InputFormatException.class, () -> inspector.inspect(bed, fasta, Cancellation.NEVER));
        assertEquals(fasta, e.file());
        assertTrue(e.getMessage().endsWith("reference has no index ref.fa.fai; create it with: samtools faidx ref.fa"));
    }

    @Test
    void ownMalformedCases() throws IOException {
        assertEquals(": has no intervals", error(Fixtures.text(dir, "empty.bed"), null));
        assertEquals(": has no intervals", error(Fixtures.text(dir, "header.bed", "track name=x", "#chrom start end"), null));
        assertEquals(":3: has 4 columns, but line 2 (the first interval) has 3; every line of a bed file needs the same "
                + "number of columns", error(Fixtures.text(dir, "ragged.bed", "#h", "chr1\t1\t2", "chr1\t3\t4\tx"), null));
        assertEquals(":1: end 1 is before start 2", error(Fixtures.text(dir, "neg.bed", "chr1\t2\t1"), null));
        assertEquals(": is named .gz but is not gzip-compressed", error(Fixtures.text(dir, "x.bed.gz", "chr1\t1\t2"), null));
        assertEquals(":3: chr1 appears again after the intervals of chr2 (line 2), so the file is not sorted; sort it with: "
                + "sort -k1,1 -k2,2n", error(Fixtures.text(dir, "blocks.bed", "chr1\t1\t2", "chr2\t1\t2", "chr1\t5\t6"), null));
    }

    @Test
    void unsortedNarrowPeakIsOnlyAWarning() throws IOException {
        // ENCODE/IDR narrowPeak files are ordered by signal, not position.
        Path peaks = Fixtures.text(dir, "idr.narrowPeak", "chr1\t500\t600\t.\t1000\t.\t9\t-1\t5\t50",
                "chr1\t100\t200\t.\t900\t.\t8\t-1\t4\t-1", "chr1\t300\t300\t.\t800\t.\t7\t-1\t3\t-1");
        InspectionReport report = inspect(peaks, null);
        assertEquals("narrowpeak", report.format());
        assertEquals(3, report.records());
        assertEquals(1L, report.facts().get("summits"));
        assertEquals(List.of("1 empty intervals (end = start)", "not sorted by position (line 2: chr1:100 comes after "
                + "chr1:500 (line 1), so the file is not sorted; sort it with: sort -k1,1 -k2,2n); fine for the intervals "
                + "reader, not for tabix"), report.warnings());
    }

    @Test
    void acceptsIntervalFilesOnlyAndLeavesPlinkBedAlone() throws IOException {
        byte[] text = "chr1\t1\t2\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(inspector.accepts(Path.of("a.bed"), text));
        assertTrue(inspector.accepts(Path.of("a.BED.gz"), text));
        assertTrue(inspector.accepts(Path.of("peaks.narrowPeak.gz"), text));
        assertTrue(inspector.accepts(Path.of("x.interval_list"), text));
        assertFalse(inspector.accepts(Path.of("a.bed"), new byte[] {0x6c, 0x1b, 0x01, 0}));
        assertFalse(inspector.accepts(Path.of("a.bed.gz.tbi"), text));
        assertFalse(inspector.accepts(Path.of("a.fa"), text));
        assertFalse(inspector.accepts(Path.of("a.vcf"), text));
        // The real PLINK file: gzip-compressed, so the head InspectCommand passes is decompressed.
        Path plink = TestData.file("snpstats-forexercise-gwas/for_exercise_chr10.bed.gz");
        assertFalse(inspector.accepts(plink, head(plink)));
    }
}
