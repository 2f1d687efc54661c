package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.InspectionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inspector claims, and the warnings it gives for legal but notable files. */
class InspectorTest {
    private final VcfFileInspector inspector = new VcfFileInspector();

    @TempDir
    Path dir;

    @Test
    void claimsVariantFilesByNameOrHeader() {
        byte[] none = new byte[0];
        for (String name : List.of("a.vcf", "a.VCF.gz", "a.vcf.bgz", "a.g.vcf.gz", "a.bcf", "a.vcf.truncated.gz", "a.gvcf")) {
            assertTrue(inspector.accepts(Path.of(name), none), name);
        }
        for (String name : List.of("a.vcf.gz.tbi", "a.vcf.idx", "a.bcf.csi", "vcf", "a.bed", "a.vcfx", "reads.bam", "ref.fa.gz")) {
            assertFalse(inspector.accepts(Path.of(name), none), name);
        }
        assertTrue(inspector.accepts(Path.of("calls.txt"), "##fileformat=VCFv4.2\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(inspector.accepts(Path.of("calls.dat"), new byte[] {'B', 'C', 'F', 2, 1}));
        assertFalse(inspector.accepts(Path.of("peaks.txt"), "chr1\t10\t20\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void summarisesAlleleKindsAndFilters() throws IOException {
        Path vcf = Fixtures.sites(dir, "kinds.vcf",
                record("chrT 1 . ACG TT 50 PASS ."),
                record("chrT 6 . CG TT 50 q10 ."),
                record("chrT 12 . G T,GA,<DUP>,* 50 PASS ."),
                record("chrU 3 . C . 50 PASS ."));
        InspectionReport r = Reads.inspect(vcf, Fixtures.reference(dir));
        assertEquals(4, r.records());
        assertEquals(List.of("samples", "contigs", "snv", "mnv", "indel", "complex", "symbolic", "no_alt", "multiallelic", "filtered",
                "ref_checked"), List.copyOf(r.facts().keySet()));
        assertEquals(List.of("chrT", "chrU"), r.facts().get("contigs"));
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 1L, 1L, 1L, 4L), List.of(r.facts().get("snv"), r.facts().get("mnv"),
                r.facts().get("indel"), r.facts().get("complex"), r.facts().get("symbolic"), r.facts().get("no_alt"),
                r.facts().get("multiallelic"), r.facts().get("filtered"), r.facts().get("ref_checked")));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void warnsAboutOrderContigsTypesAndReferenceMismatches() throws IOException {
        Path vcf = Files.writeString(dir.resolve("notable.vcf"), "##fileformat=VCFv4.2\n"
                + "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
                + "##contig=<ID=chrT,length=61>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + record("chrT 12 . G T 50 PASS DP=3") + "\n"
                + record("chrU 3 . C A 50 PASS DP=x") + "\n"
                + record("chrT 3 . A C 50 PASS XX=1") + "\n"
                + record("T 5 . A C 50 PASS .") + "\n");
        InspectionReport r = Reads.inspect(vcf, Fixtures.reference(dir));
        assertEquals(List.of(
                "records are not sorted: contig chrT appears again at line 7 after other contigs",
                "contigs chrU, T used by records but not declared in the header, which declares chrT",
                "INFO field XX not declared in the header",
                "values disagree with their header declarations (first at line 6: Could not decode field DP with value x of declared "
                        + "type Integer); later records were not type-checked",
                "contig chrT is 61 bp in the header but 60 bp in the reference (another genome build?)",
                "contig T (1 record) is not in the reference, so its REF alleles were not checked; the reference names it 'chrT' "
                        + "(read with chr_prefix: add)",
                "1 of 3 REF alleles differ from the reference (first: line 7: chrT:3 REF A, reference G)"), r.warnings());
    }

    @Test
    void refAllelesRunningPastAContigEndAreMismatches() throws IOException {
        Path vcf = Fixtures.sites(dir, "end.vcf", record("chrT 58 . GTAC G 50 PASS ."), record("chrT 0 . N A 50 PASS ."));
        InspectionReport r = Reads.inspect(vcf, Fixtures.reference(dir));
        assertEquals(List.of("records are not sorted by position: chrT:0 (line 13) comes after chrT:58",
                "2 of 2 REF alleles differ from the reference (first: line 12: chrT:58 REF GTAC, reference GTA-)"), r.warnings());
    }
}
