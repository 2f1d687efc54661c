package org.genomod.reader.plink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector claims PLINK trios by content, leaves BED intervals alone, and summarises. */
class InspectorTest {
    private final PlinkInspector inspector = new PlinkInspector();

    @TempDir
    Path dir;

    /** The first 64 KiB, decompressed when gzip, as {@code genomod inspect} hands them over. */
    static byte[] head(Path file) throws IOException {
        try (PushbackInputStream raw = new PushbackInputStream(Files.newInputStream(file), 2)) {
            byte[] magic = raw.readNBytes(2);
            raw.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return in.readNBytes(64 * 1024);
            }
        }
    }

    private boolean accepts(Path file) throws IOException {
        return inspector.accepts(file, head(file));
    }

    @Test
    void claimsTheRealTrio() throws IOException {
        for (String name : List.of("for_exercise_chr10.bed.gz", "for_exercise_chr10.bim", "for_exercise_chr10.fam")) {
            assertTrue(accepts(TestData.file("snpstats-forexercise-gwas/" + name)), name);
        }
        assertFalse(accepts(TestData.file("snpstats-forexercise-gwas/subjects.tsv")));
    }

    @Test
    void leavesBedIntervalFilesAlone() throws IOException {
        for (String file : List.of("htsjdk-testdata/tribble/bed/unsorted.bed", "htsjdk-testdata/tribble/bed/Unigene.sample.bed",
                "htsjdk-testdata/tribble/bed/2featuresWithHeader.bed.gz",
                "htsjdk-testdata/tribble/bed/NA12878.deletions.10kbp.het.gq99.hand_curated.hg19.bed",
                "deepvariant-na12878-chr20/test_nist.b37_chr20_100kbp_at_10mb.bed",
                "htsjdk-testdata/tribble/vcfexample.vcf", "golub-all-aml/actual.csv")) {
            assertFalse(accepts(TestData.file(file)), file);
        }
        // a .fam-like file with no .bed beside it is not claimed either
        Path lone = Files.writeString(dir.resolve("lone.fam"), Trio.FAM);
        assertFalse(accepts(lone));
    }

    @Test
    void individualMajorIsClaimedSoItsErrorIsClear() throws IOException {
        byte[] bytes = Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3);
        bytes[2] = 0;
        Path bed = Trio.write(dir, "m", bytes, Trio.BIM, Trio.FAM);
        assertTrue(accepts(bed));
    }

    @Test
    void summarisesTheHandWrittenTrio() throws IOException {
        Path bed = Trio.standard(dir);
        assertTrue(accepts(bed));
        assertTrue(accepts(dir.resolve("t.bim")));
        assertTrue(accepts(dir.resolve("t.fam")));
        InspectionReport report = inspector.inspect(bed, null, Cancellation.NEVER);
        assertEquals(3, report.records());
        assertEquals(List.of("1", "2"), report.facts().get("chromosomes"));
        // A1 counts of the 15 calls (see Trio): 0 x3, 1 x7, 2 x3, missing x2
        assertEquals("3/7/3", report.facts().get("A1 counts 0/1/2"));
        assertEquals("2 (13.33%)", report.facts().get("missing calls"));
        assertEquals("2 cases, 1 controls, 2 missing", report.facts().get("phenotype"));

        Files.writeString(dir.resolve("t.bim"), Trio.BIM.replace("rs3", "rs1"));
        Files.write(bed, Trio.bed(Trio.RS1, Trio.RS2, new byte[] {0x55, 0x01}));
        InspectionReport warned = inspector.inspect(bed, null, Cancellation.NEVER);
        assertEquals(List.of("1 SNP ids repeat an earlier line's (select such SNPs by position, not id)",
                "1 SNPs have no call in any sample"), warned.warnings());
    }
}
