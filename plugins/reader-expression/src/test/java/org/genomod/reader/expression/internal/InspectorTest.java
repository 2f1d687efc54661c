package org.genomod.reader.expression.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector claims expression matrices only, and summarises them. */
class InspectorTest {
    private final ExpressionInspector inspector = new ExpressionInspector();

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
    void acceptsTheRealMatrices() throws IOException {
        for (String file : List.of("golub-all-aml/data_set_ALL_AML_train.csv", "golub-all-aml/data_set_ALL_AML_independent.csv",
                "bladderbatch-hgu133a/bladder_exprs.csv.gz", "geo-gds507-rcc/GDS507.soft.gz")) {
            assertTrue(accepts(SharedData.file(file)), file);
        }
        Path gct = Files.writeString(dir.resolve("m.gct"), "#1.2\n1\t3\nName\tDescription\ta\tb\tc\ng\tx\t1\t2\t3\n");
        assertTrue(accepts(gct));
    }

    @Test
    void leavesOtherTablesToTheirReaders() throws IOException {
        for (String file : List.of("golub-all-aml/actual.csv", "bladderbatch-hgu133a/bladder_pData.csv",
                "snpstats-forexercise-gwas/subjects.tsv", "snpstats-forexercise-gwas/for_exercise_chr10.bim",
                "snpstats-forexercise-gwas/for_exercise_chr10.fam", "trrust-v2/trrust_rawdata.human.tsv",
                "yeast-ppi-vonmering2002/yeast_ppi_edges.tsv", "yeast-ppi-vonmering2002/yeast_ppi_nodes.tsv",
                "dream5-grn-goldstandards/DREAM5_NetworkInference_Edges_Network3.tsv",
                "dream5-grn-goldstandards/net3_chip_features.tsv", "dream5-grn-goldstandards/net3_gene_ids.tsv",
                "deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_B.seq.gz",
                "janggu-oct4-vs-mafk-chipseq/oct4_test.fa", "uci-splice-junction/splice.data",
                "htsjdk-testdata/tribble/bed/unsorted.bed", "htsjdk-testdata/tribble/vcfexample.vcf",
                "deepvariant-na12878-chr20/test_nist.b37_chr20_100kbp_at_10mb.bed")) {
            assertFalse(accepts(SharedData.file(file)), file);
        }
    }

    @Test
    void summarisesGolubWithItsTextColumns() throws IOException {
        InspectionReport report = inspector.inspect(SharedData.file("golub-all-aml/data_set_ALL_AML_train.csv"), null,
                Cancellation.NEVER);
        assertEquals("csv", report.format());
        assertEquals(7129, report.records());
        // the descriptions repeat (lines 96 and 97), so the accession column beside them is taken as the id
        assertEquals(Map.of("rows", 7129, "id column", "Gene Accession Number", "value columns", 38,
                "text columns", "Gene Description, call ×38", "missing values", 0L), report.facts());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void summarisesBladderAndTheGeoDataSet() throws IOException {
        InspectionReport bladder = inspector.inspect(SharedData.file("bladderbatch-hgu133a/bladder_exprs.csv.gz"), null,
                Cancellation.NEVER);
        assertEquals(22283, bladder.records());
        assertEquals(57, bladder.facts().get("value columns"));
        InspectionReport gds = inspector.inspect(SharedData.file("geo-gds507-rcc/GDS507.soft.gz"), null, Cancellation.NEVER);
        assertEquals("soft", gds.format());
        assertEquals(22645, gds.records());
        assertEquals(17, gds.facts().get("value columns"));
        assertEquals("IDENTIFIER", gds.facts().get("text columns"));
        assertEquals("disease state (2), individual (10)", gds.facts().get("subset types"));
        assertEquals(List.of(), gds.warnings());
    }

    @Test
    void warnsAboutMissingValues() throws IOException {
        Path csv = Files.writeString(dir.resolve("na.csv"), "gene,a,b,c,d\ng1,1,NA,3,4\ng2,,5,6,7\n");
        assertTrue(accepts(csv));
        InspectionReport report = inspector.inspect(csv, null, Cancellation.NEVER);
        assertEquals(2L, report.facts().get("missing values"));
        assertEquals(List.of("2 missing values: read with missing: nan or zero"), report.warnings());
    }
}
