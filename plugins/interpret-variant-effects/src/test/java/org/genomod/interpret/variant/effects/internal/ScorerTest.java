package org.genomod.interpret.variant.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.TaskType;
import org.genomod.api.interpret.VariantScorer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of record the scorer meets, on the small fixture reference, checked by hand. */
class ScorerTest {
    private static final int WINDOW = 21;

    @TempDir
    Path dir;
    private Path reference;
    private Path vcf;

    private static String other(String base, String... not) {
        for (String b : List.of("A", "C", "G", "T")) {
            if (!b.equalsIgnoreCase(base) && List.of(not).stream().noneMatch(b::equalsIgnoreCase)) {
                return b;
            }
        }
        throw new AssertionError();
    }

    @BeforeEach
    void write() throws IOException {
        reference = Fixtures.reference(dir);
        String snv = Fixtures.chr1(30, 30);
        String multi = Fixtures.chr1(50, 50);
        String[] multiAlts = {other(multi), other(multi, other(multi)), other(multi, other(multi), other(multi, other(multi)))};
        String wrongRef = other(Fixtures.chr1(60, 60));
        vcf = Fixtures.vcf(dir, "in.vcf", List.of(
                "1 20 sym " + Fixtures.chr1(20, 20) + " <DEL> . . .",
                "1 21 bnd " + Fixtures.chr1(21, 21) + " " + Fixtures.chr1(21, 21) + "]1:50] . . .",
                "1 22 span " + Fixtures.chr1(22, 22) + " " + other(Fixtures.chr1(22, 22)) + ",* . . .",
                "1 30 snv " + snv + " " + other(snv) + " . . .",
                "1 40 del " + Fixtures.chr1(40, 42) + " " + Fixtures.chr1(40, 40) + " . . .",
                "1 44 soft " + Fixtures.chr1(44, 44).toUpperCase() + " " + other(Fixtures.chr1(44, 44)) + " . . .",
                "1 50 multi " + multi + " " + String.join(",", multiAlts) + " . . .",
                "1 60 wrong " + wrongRef + " " + other(wrongRef, Fixtures.chr1(60, 60)) + " . . .",
                "1 79 past " + Fixtures.chr1(79, 80) + "A A . . .",
                "MT 5 mito " + Fixtures.CHRM.charAt(4) + " " + other(String.valueOf(Fixtures.CHRM.charAt(4))) + " . . .",
                "chrUn 10 unknown A G . . ."));
    }

    @Test
    void countsEveryAlleleAndNamesWhySomeAreSkipped() throws IOException {
        Path out = dir.resolve("effects.tsv");
        VariantScorer.Summary summary = Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, out, 256);
        assertEquals(14, summary.variants());
        assertEquals(9, summary.scored());
        assertEquals(5, summary.skipped());
        assertEquals(1, summary.referenceMismatches());
        List<Map<String, String>> rows = Scoring.rows(out);
        assertEquals(14, rows.size());
        List<String> skipped = rows.stream().map(r -> r.get("id") + ":" + r.get("skipped")).filter(s -> !s.endsWith(":")).toList();
        assertEquals(List.of("sym:symbolic_allele", "bnd:breakend", "span:spanning_deletion", "past:outside_contig",
                "unknown:contig_not_in_reference"), skipped);
        assertEquals(List.of("wrong"), rows.stream().filter(r -> r.get("ref_mismatch").equals("1")).map(r -> r.get("id")).toList());
        assertEquals("", rows.get(0).get("motif_diff"));
        assertTrue(rows.stream().filter(r -> r.get("id").equals("mito")).allMatch(r -> !r.get("motif_diff").isEmpty()),
                "MT is found as chrM");
    }

    @Test
    void scoresEqualTheModelOnHandBuiltWindows() throws IOException {
        Path out = dir.resolve("effects.tsv");
        Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, out, 256);
        Map<String, String> snv = row(out, "snv");
        String ref = Fixtures.chr1(20, 40);
        String alt = Fixtures.chr1(20, 29) + snv.get("alt") + Fixtures.chr1(31, 40);
        checkScores(snv, ref, alt);
        Map<String, String> del = row(out, "del");
        // REF of 3 bases: 9 before, 9 after; ALT of 1 base: 10 before, 10 after from the base past REF
        checkScores(del, Fixtures.chr1(31, 51), Fixtures.chr1(30, 40) + Fixtures.chr1(43, 52));
        Map<String, String> wrong = row(out, "wrong");
        // a mismatched record is scored on the VCF's own REF in the reference's flanks
        checkScores(wrong, Fixtures.chr1(50, 59) + wrong.get("ref") + Fixtures.chr1(61, 70),
                Fixtures.chr1(50, 59) + wrong.get("alt") + Fixtures.chr1(61, 70));
    }

    private static Map<String, String> row(Path tsv, String id) throws IOException {
        return Scoring.rows(tsv).stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }

    private static void checkScores(Map<String, String> row, String refWindow, String altWindow) {
        assertEquals(WINDOW, refWindow.length());
        assertEquals(WINDOW, altWindow.length());
        double motifDiff = WindowModel.motif(altWindow) - WindowModel.motif(refWindow);
        assertEquals(motifDiff, Double.parseDouble(row.get("motif_diff")), 1e-6, row.toString());
        assertEquals(Math.abs(motifDiff), Double.parseDouble(row.get("motif_abs_diff")), 1e-6, row.toString());
        double logit = Effects.logit(WindowModel.motif(altWindow)) - Effects.logit(WindowModel.motif(refWindow));
        assertEquals(logit, Double.parseDouble(row.get("motif_logit_diff")), 1e-4, row.toString());
        assertEquals(WindowModel.gc(altWindow) - WindowModel.gc(refWindow), Double.parseDouble(row.get("gc_diff")), 1e-6, row.toString());
    }

    @Test
    void batchSizeChangesModelCallsButNotScores() throws IOException {
        WindowModel small = new WindowModel(WINDOW, TaskType.MULTILABEL);
        WindowModel large = new WindowModel(WINDOW, TaskType.MULTILABEL);
        Scoring.score(small, vcf, reference, dir.resolve("small.tsv"), 2);
        Scoring.score(large, vcf, reference, dir.resolve("large.tsv"), 256);
        assertEquals(Files.readAllLines(dir.resolve("large.tsv")), Files.readAllLines(dir.resolve("small.tsv")));
        assertEquals(1, large.calls());
        // 7 records with something to score; the 4 windows of the multi-allelic record exceed a batch of 2 on their own
        assertEquals(7, small.calls());
    }

    @Test
    void regressionOutputsHaveNoLogitScores() throws IOException {
        Path out = dir.resolve("effects.tsv");
        Scoring.score(new WindowModel(WINDOW, TaskType.REGRESSION), vcf, reference, out, 256);
        String header = Files.readAllLines(out).get(0);
        assertEquals("chrom\tpos\tid\tref\talt\tref_mismatch\tskipped\tmotif_diff\tmotif_abs_diff\tgc_diff\tgc_abs_diff", header);
    }

    @Test
    void annotatedVcfKeepsEveryRecordAndDeclaresItsFields() throws IOException {
        Path tsv = dir.resolve("effects.tsv");
        Path out = dir.resolve("effects.vcf.gz");
        Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, tsv, 256);
        Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, out, 256);
        List<Map<String, String>> rows = Scoring.rows(tsv);
        try (VCFFileReader reader = new VCFFileReader(out, false)) {
            VCFHeader header = reader.getFileHeader();
            for (String key : List.of("VE_REF_MISMATCH", "VE_SKIPPED", "VE_DIFF_motif", "VE_ABS_DIFF_motif", "VE_LOGIT_DIFF_motif",
                    "VE_DIFF_gc", "VE_ABS_DIFF_gc", "VE_LOGIT_DIFF_gc")) {
                assertTrue(header.hasInfoLine(key), key);
            }
            List<VariantContext> records = new ArrayList<>();
            reader.iterator().forEachRemaining(records::add);
            assertEquals(11, records.size());
            int row = 0;
            for (VariantContext vc : records) {
                assertEquals(vc.getID().equals("wrong"), vc.hasAttribute("VE_REF_MISMATCH"), vc.getID());
                List<String> diffs = vc.getAttributeAsStringList("VE_DIFF_motif", ".");
                List<String> reasons = vc.getAttributeAsStringList("VE_SKIPPED", ".");
                for (int a = 0; a < vc.getAlternateAlleles().size(); a++, row++) {
                    Map<String, String> expected = rows.get(row);
                    assertEquals(expected.get("id"), vc.getID());
                    String diff = diffs.isEmpty() ? "." : diffs.get(a);
                    assertEquals(expected.get("motif_diff").isEmpty() ? "." : expected.get("motif_diff"), diff, vc.getID());
                    String reason = reasons.isEmpty() ? "." : reasons.get(a);
                    assertEquals(expected.get("skipped").isEmpty() ? "." : expected.get("skipped"), reason, vc.getID());
                }
            }
            assertEquals(rows.size(), row);
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
    }
}
