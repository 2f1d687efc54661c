package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Fixtures.record;
import static org.genomod.reader.vcf.internal.Reads.altWindow;
import static org.genomod.reader.vcf.internal.Reads.assertRejected;
import static org.genomod.reader.vcf.internal.Reads.indexOf;
import static org.genomod.reader.vcf.internal.Reads.labels;
import static org.genomod.reader.vcf.internal.Reads.refWindow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode variants on a synthetic reference whose bases are known by heart (see {@link Fixtures#CHR_T}):
 * window placement, allele splitting, the REF check, contig naming and labels.
 */
class VariantsModeTest {
    @TempDir
    Path dir;
    Path reference;

    @BeforeEach
    void reference() throws IOException {
        reference = Fixtures.reference(dir);
    }

    private Dataset windows(Path vcf, Object... more) throws IOException {
        Object[] args = new Object[more.length + 4];
        args[0] = "reference";
        args[1] = reference;
        args[2] = "window";
        args[3] = 7;
        System.arraycopy(more, 0, args, 4, more.length);
        return Reads.score(vcf, args);
    }

    @Test
    void snvWindowsAreCentredOnTheVariant() throws IOException {
        Path vcf = Fixtures.sites(dir, "snv.vcf", record("chrT 12 rs1 G T 50 PASS ."));
        Dataset d = windows(vcf);
        assertEquals(1, d.size());
        assertEquals(List.of(7, 8), d.schema().featureShape());
        assertEquals("dna-one-hot-ref-alt", d.schema().encoding());
        assertEquals("chrT:12:G>T", d.id(0));
        assertEquals("chrT", d.group(0));
        // chrT:9-15 is ACGGGGG; position 12 sits at index 7 / 2 = 3
        assertEquals("ACGGGGG", refWindow(d, 0));
        assertEquals("ACGTGGG", altWindow(d, 0));
        assertFalse(d.labelled());
    }

    @Test
    void windowsPastContigEndsArePadded() throws IOException {
        Path vcf = Fixtures.sites(dir, "ends.vcf", record("chrT 2 . C A 50 PASS ."), record("chrT 59 . T C 50 PASS ."));
        Dataset d = windows(vcf);
        assertEquals("--ACGTA", refWindow(d, 0));
        assertEquals("--AAGTA", altWindow(d, 0));
        assertEquals("ACGTA--", refWindow(d, 1));
        assertEquals("ACGCA--", altWindow(d, 1));
    }

    @Test
    void indelAllelesReplaceRefAndAreCentredInTheirOwnWindow() throws IOException {
        Path vcf = Fixtures.sites(dir, "indels.vcf",
                record("chrT 10 del CGGGGG C 50 PASS ."),
                record("chrT 20 ins C CAAA 50 PASS ."));
        Dataset d = windows(vcf);
        // deletion: REF (6 bases) starts at index (7-6+1)/2 = 1 of chrT:9-15; ALT C at index 3, then the bases after REF
        assertEquals("ACGGGGG", refWindow(d, 0));
        assertEquals("GTACCCC", altWindow(d, 0));
        // insertion: REF at index 3 of chrT:17-23; ALT (4 bases) from index (7-4+1)/2 = 2, then chrT:21
        assertEquals("CCCCTTT", refWindow(d, 1));
        assertEquals("CCCAAAT", altWindow(d, 1));
    }

    @Test
    void allelesLongerThanTheWindowAreCutToTheirMiddle() throws IOException {
        Path vcf = Fixtures.sites(dir, "long.vcf",
                record("chrT 10 del CGGGGGCC C 50 PASS ."),
                record("chrT 20 ins C CGTACGTAC 50 PASS ."));
        Dataset d = Reads.score(vcf, "reference", reference, "window", 5);
        // REF chrT:10-17 (8 bases) starts at index (5-8+1)/2 = -1: the window shows chrT:11-15
        assertEquals("GGGGG", refWindow(d, 0));
        assertEquals("TACCC", altWindow(d, 0)); // chrT:8-9, ALT C, chrT:18-19
        assertEquals("CCCTT", refWindow(d, 1));
        assertEquals("TACGT", altWindow(d, 1)); // ALT bases 3-7 of 9
    }

    @Test
    void multiAllelicRecordsAreSplitAndSymbolicAllelesCounted() throws IOException {
        Path vcf = Fixtures.sites(dir, "multi.vcf", record("chrT 25 . T A,G,<DEL>,* 50 PASS EFF=x,y,z,w"));
        Dataset d = windows(vcf);
        assertEquals(List.of("chrT:25:T>A", "chrT:25:T>G"), List.of(d.id(0), d.id(1)));
        assertEquals("TTTTAAA", refWindow(d, 0));
        assertEquals("TTTAAAA", altWindow(d, 0));
        assertEquals("TTTTAAA", refWindow(d, 1));
        assertEquals("TTTGAAA", altWindow(d, 1));
        assertEquals(Map.of("symbolic_allele", 2L), d.schema().attributes().get("skipped"));

        Dataset labelled = Reads.train(vcf, "reference", reference, "window", 7, "label_info", "EFF");
        assertEquals(List.of("x", "y"), labelled.schema().outputs());
        assertArrayEquals(new float[] {1, 0}, labels(labelled, 0));
        assertArrayEquals(new float[] {0, 1}, labels(labelled, 1));
    }

    @Test
    void ambiguousAndLowerCaseReferenceBases() throws IOException {
        Path vcf = Fixtures.sites(dir, "amb.vcf",
                record("chrT 36 . A G 50 PASS ."),
                record("chrT 33 . N A 50 PASS ."),
                record("chrU 5 . A G 50 PASS ."));
        Dataset d = windows(vcf);
        assertEquals("NNNACGT", refWindow(d, 0));
        assertEquals("NNNGCGT", altWindow(d, 0));
        // REF N agrees with any reference base, even an unknown one
        assertEquals("ANNNNNA", refWindow(d, 1));
        assertEquals("ANNANNA", altWindow(d, 1));
        // soft-masked (lower-case) reference bases read as bases
        assertEquals("CCCAAAA", refWindow(d, 2));
        assertEquals("CCCGAAA", altWindow(d, 2));
    }

    @Test
    void mnvAndComplexAllelesAreWindowedAndTypesFilter() throws IOException {
        Path vcf = Fixtures.sites(dir, "kinds.vcf",
                record("chrT 1 cx ACG TT 50 PASS ."),
                record("chrT 6 mnv CG TT 50 PASS ."),
                record("chrT 12 snv G T 50 PASS ."),
                record("chrT 20 ins C CAAA 50 PASS ."));
        Dataset all = windows(vcf);
        assertEquals(4, all.size());
        assertEquals("--ACGTA", refWindow(all, 0)); // REF ACG at index (7-3+1)/2 = 2
        assertEquals("---TTTA", altWindow(all, 0)); // ALT TT at index (7-2+1)/2 = 3, then chrT:4-5
        assertEquals("chrT:6:CG>TT", all.id(1));
        assertEquals("GTACGTA", refWindow(all, 1));
        assertEquals("GTATTTA", altWindow(all, 1));
        Dataset snvs = windows(vcf, "variant_types", List.of("snv", "mnv"));
        assertEquals(List.of("chrT:6:CG>TT", "chrT:12:G>T"), List.of(snvs.id(0), snvs.id(1)));
        assertEquals(Map.of("complex_allele", 1L, "indel_allele", 1L), snvs.schema().attributes().get("skipped"));
    }

    @Test
    void refMismatchStopsTheReadOrIsSkippedAndCounted() throws IOException {
        Path vcf = Fixtures.sites(dir, "mismatch.vcf",
                record("chrT 12 . G T 50 PASS ."),
                record("chrT 3 . A C 50 PASS ."),
                record("chrT 32 . A C,G 50 PASS ."),
                record("chrT 58 . GTAC G 50 PASS ."));
        // line 12 is the first record after 11 header lines
        assertRejected(vcf, 13, "record at chrT:3: REF A does not match the reference, which has G at chrT:3; set on_ref_mismatch: skip",
                () -> windows(vcf));
        Dataset kept = windows(vcf, "on_ref_mismatch", "skip");
        assertEquals(1, kept.size());
        assertEquals("chrT:12:G>T", kept.id(0));
        // the N stretch of the reference is unknown, not a match; REF running past the contig end is outside it
        assertEquals(Map.of("ref_mismatch_record", 3L, "ref_mismatch_allele", 4L), kept.schema().attributes().get("skipped"));
    }

    @Test
    void refRunningPastTheContigEndIsReported() throws IOException {
        Path vcf = Fixtures.sites(dir, "past.vcf", record("chrT 58 . GTAC G 50 PASS ."));
        assertRejected(vcf, 12, "REF GTAC at chrT:58 lies outside chrT (60 bp) in the reference", () -> windows(vcf));
    }

    @Test
    void contigNamingMismatchIsReportedWithTheSettingThatFixesIt() throws IOException {
        Path vcf = Files.writeString(dir.resolve("noprefix.vcf"), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + record("T 12 . G T 50 PASS .") + "\n");
        assertRejected(vcf, 3, "contig 'T' is not in the reference (the reference names it 'chrT': set chr_prefix: add",
                () -> windows(vcf));
        assertEquals("ACGTGGG", altWindow(windows(vcf, "chr_prefix", "add"), 0));
        assertEquals("ACGTGGG", altWindow(windows(vcf, "contig_map", Map.of("T", "chrT")), 0));
        Dataset mapped = windows(vcf, "chr_prefix", "add");
        assertEquals("T", mapped.group(0), "groups keep the VCF's names, which split specs use");

        Path other = Files.writeString(dir.resolve("other.vcf"), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + record("chr9 12 . G T 50 PASS .") + "\n");
        assertRejected(other, 3, "contig 'chr9' is not in the reference (the reference has chrT, chrU", () -> windows(other));
    }

    @Test
    void headerContigLengthsMustMatchTheReference() throws IOException {
        Path vcf = Files.writeString(dir.resolve("build.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=chrT,length=61>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + record("chrT 12 . G T 50 PASS .") + "\n");
        assertRejected(vcf, 4, "contig chrT is 61 bp in the VCF header but chrT is 60 bp in the reference, so they come from "
                + "different genome builds", () -> windows(vcf));
        assertEquals(1, windows(vcf, "on_ref_mismatch", "skip").size(), "with skip, the REF check decides per record");
    }

    @Test
    void labelsFromInfoFields() throws IOException {
        Path vcf = Fixtures.sites(dir, "labels.vcf",
                record("chrT 12 . G T 50 PASS DB;AF=0.25;CLASS=benign"),
                record("chrT 20 . C A,G 50 PASS AF=0.5,0.125;CLASS=pathogenic"),
                record("chrT 26 . A C 50 q10 AF=1;CLASS=benign"));
        Dataset flag = Reads.train(vcf, "reference", reference, "window", 7, "label_info", "DB");
        assertEquals(TaskType.BINARY, flag.schema().task());
        assertEquals(List.of("DB"), flag.schema().outputs());
        assertEquals(List.of(1f, 0f, 0f, 0f), List.of(labels(flag, 0)[0], labels(flag, 1)[0], labels(flag, 2)[0], labels(flag, 3)[0]));

        Dataset af = Reads.train(vcf, "reference", reference, "window", 7, "label_info", "AF");
        assertEquals(TaskType.REGRESSION, af.schema().task(), "a Float field is a regression target");
        assertEquals(List.of("AF"), af.schema().outputs());
        assertEquals(0.5f, labels(af, indexOf(af, "chrT:20:C>A"))[0]);
        assertEquals(0.125f, labels(af, indexOf(af, "chrT:20:C>G"))[0], "Number=A: each split allele has its own value");

        Dataset cls = Reads.train(vcf, "reference", reference, "window", 7, "label_info", "CLASS", "positive", "pathogenic");
        assertEquals(TaskType.BINARY, cls.schema().task());
        assertEquals(List.of("pathogenic"), cls.schema().outputs());
        assertArrayEquals(new float[] {1}, labels(cls, 2), "both alleles of a record share a Number=1 label");

        Dataset pass = Reads.train(vcf, "reference", reference, "window", 7, "label_info", "CLASS", "pass_only", true);
        assertEquals(3, pass.size());
        assertEquals(Map.of("filtered_record", 1L), pass.schema().attributes().get("skipped"));
    }

    @Test
    void labelProblemsAreReported() throws IOException {
        Path vcf = Fixtures.sites(dir, "bad-labels.vcf",
                record("chrT 12 . G T 50 PASS CLASS=benign;N2=1,2"),
                record("chrT 20 . C A 50 PASS AF=0.5"));
        assertRejected(vcf, 13, "variant chrT:20:C>A has no label (INFO CLASS is missing or '.'), and training needs one",
                () -> Reads.train(vcf, "reference", reference, "window", 7, "label_info", "CLASS"));
        assertRejected(vcf, 12, "INFO N2 has 2 values, but a label is one value per record",
                () -> Reads.train(vcf, "reference", reference, "window", 7, "label_info", "N2"));
        assertRejected(vcf, 0, "label_info 'XX' is not an INFO field of the header (INFO fields: AF, CLASS, DB, EFF, N2)",
                () -> Reads.train(vcf, "reference", reference, "window", 7, "label_info", "XX"));
        assertRejected(vcf, 0, "training needs labels: give label_info",
                () -> Reads.train(vcf, "reference", reference, "window", 7));
        Path wrongCount = Fixtures.sites(dir, "count.vcf", record("chrT 20 . C A,G 50 PASS EFF=x"));
        assertRejected(wrongCount, 12, "INFO EFF has 1 value, but its header declares one per ALT allele (2 here)",
                () -> Reads.train(wrongCount, "reference", reference, "window", 7, "label_info", "EFF"));
        Path text = Fixtures.sites(dir, "text.vcf", record("chrT 12 . G T 50 PASS CLASS=high"));
        assertRejected(text, 12, "INFO CLASS value 'high' is not a number, but the task is regression",
                () -> Reads.train(text, "reference", reference, "window", 7, "label_info", "CLASS", "task", "regression"));
    }

    @Test
    void repeatedVariantsAreKeptOnceOrRejectedWhenTheirLabelsDisagree() throws IOException {
        Path same = Fixtures.sites(dir, "same.vcf", record("chrT 12 a G T 50 PASS CLASS=x"), record("chrT 12 b G T 50 PASS CLASS=x"),
                record("chrT 20 . C A 50 PASS CLASS=y"));
        Dataset d = Reads.train(same, "reference", reference, "window", 7, "label_info", "CLASS");
        assertEquals(2, d.size());
        assertEquals(Map.of("repeated_variant", 1L), d.schema().attributes().get("skipped"));
        Path differ = Fixtures.sites(dir, "differ.vcf", record("chrT 12 a G T 50 PASS CLASS=x"), record("chrT 12 b G T 50 PASS CLASS=y"));
        assertRejected(differ, 13, "variant chrT:12:G>T appears again with another label (first at line 12)",
                () -> Reads.train(differ, "reference", reference, "window", 7, "label_info", "CLASS"));
    }

    @Test
    void maxVariantsIsALimitNotACut() throws IOException {
        Path vcf = Fixtures.sites(dir, "three.vcf", record("chrT 12 . G T 50 PASS ."), record("chrT 13 . G T 50 PASS ."),
                record("chrT 14 . G T 50 PASS ."));
        assertEquals(3, windows(vcf, "max_variants", 3).size());
        assertRejected(vcf, 0, "has more than max_variants (2) variant alleles to read", () -> windows(vcf, "max_variants", 2));
    }

    @Test
    void regionSelectsOverlappingRecordsWithoutAnIndex() throws IOException {
        Path vcf = Fixtures.sites(dir, "region.vcf",
                record("chrT 2 . C A 50 PASS ."),
                record("chrT 10 del CGGGGG C 50 PASS ."),
                record("chrT 20 ins C CAAA 50 PASS ."),
                record("chrU 5 . A G 50 PASS ."));
        assertEquals(List.of("chrT:10:CGGGGG>C"), ids(windows(vcf, "region", "chrT:14-14")), "the deletion covers chrT:10-15");
        assertEquals(List.of("chrT:10:CGGGGG>C", "chrT:20:C>CAAA"), ids(windows(vcf, "region", "chrT:3-20")));
        assertEquals(List.of("chrU:5:A>G"), ids(windows(vcf, "region", "chrU")));
        assertRejected(vcf, 0, "has no variant allele to read in region chrT:16-19", () -> windows(vcf, "region", "chrT:16-19"));
        assertRejected(vcf, 0, "region 'chrT:9-3' is not contig, contig:start or contig:start-end", () -> windows(vcf, "region", "chrT:9-3"));
    }

    private static List<String> ids(Dataset d) {
        return java.util.stream.IntStream.range(0, d.size()).mapToObj(d::id).toList();
    }

    @Test
    void parametersOfTheOtherModeAreRejected() throws IOException {
        Path vcf = Fixtures.sites(dir, "p.vcf", record("chrT 12 . G T 50 PASS ."));
        assertRejected(vcf, 0, "mode variants needs the parameter reference", () -> Reads.score(vcf));
        assertRejected(vcf, 0, "missing applies to mode genotypes only, but mode is variants", () -> windows(vcf, "missing", "zero"));
        assertRejected(vcf, 0, "window applies to mode variants only", () -> Reads.score(vcf, "mode", "genotypes", "window", 9));
        assertRejected(vcf, 0, "variant_types symbolic cannot be used in mode variants",
                () -> windows(vcf, "variant_types", List.of("snv", "symbolic")));
    }

    @Test
    void readsStopWhenCancelled() throws IOException {
        Path vcf = Fixtures.sites(dir, "c.vcf", record("chrT 12 . G T 50 PASS ."));
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        CancellationException e = assertThrows(CancellationException.class,
                () -> Reads.read(vcf, new ReadContext(false, List.of("p"), cancelled), "reference", reference));
        assertTrue(e.getMessage().contains("user asked"), e.getMessage());
    }

    @Test
    void defaultWindowIs200AndEncodingMatchesReaderFasta() throws IOException {
        Path vcf = Fixtures.sites(dir, "d.vcf", record("chrT 12 . G T 50 PASS ."));
        Dataset d = Reads.score(vcf, "reference", reference);
        assertEquals(List.of(200, 8), d.schema().featureShape());
        float[] f = Reads.features(d, 0);
        int centre = 100 * 8;
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 0, 1}, java.util.Arrays.copyOfRange(f, centre, centre + 8), "ref G, alt T");
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(f, 0, 8), "padding before chrT:1");
        assertEquals(List.of("ref:A", "ref:C", "ref:G", "ref:T", "alt:A", "alt:C", "alt:G", "alt:T"), d.schema().attributes().get("channels"));
    }
}
