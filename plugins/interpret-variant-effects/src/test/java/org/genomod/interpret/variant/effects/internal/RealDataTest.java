package org.genomod.interpret.variant.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.TaskType;
import org.genomod.api.interpret.InterpretationRequest;
import org.genomod.api.interpret.VariantScorer;
import org.genomod.reader.fasta.internal.DnaOneHotEncoderService;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GIAB truth variants of the DeepVariant test data (b37 truth cut to chr20:1-10,049,244, written with
 * UCSC {@code chr20} names) against the hg19 chr20 FASTA (bgzip, .fai, .gzi), with a 101-base window model.
 */
class RealDataTest {
    private static final String VCF = "deepvariant-na12878-chr20/test_nist.b37_chr20_first_half.vcf.gz";
    private static final String REFERENCE = "deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz";
    private static final int WINDOW = 101;
    /** Reference mismatches injected into a copy of the VCF. */
    private static final int INJECTED = 12;

    @TempDir
    static Path dir;
    private static Path vcf;
    private static Path reference;
    private static Path tsv;
    private static VariantScorer.Summary summary;
    private static double seconds;

    @BeforeAll
    static void scoreAll() throws IOException {
        vcf = SharedData.file(VCF);
        reference = SharedData.file(REFERENCE);
        tsv = dir.resolve("truth.tsv");
        long start = System.nanoTime();
        summary = Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, tsv, 256);
        seconds = (System.nanoTime() - start) / 1e9;
    }

    /** ALT alleles of the VCF, counted with htsjdk's own reader. */
    private static int altAlleles(Path file) {
        try (VCFFileReader reader = new VCFFileReader(file, false)) {
            int n = 0;
            for (VariantContext vc : reader) {
                n += vc.getAlternateAlleles().size();
            }
            return n;
        }
    }

    @Test
    void everyTruthVariantIsScored() throws IOException {
        int alleles = altAlleles(vcf);
        assertEquals(130, alleles); // 129 records, one with two ALT alleles
        assertEquals(alleles, summary.variants());
        assertEquals(alleles, summary.scored());
        assertEquals(0, summary.skipped());
        assertEquals(0, summary.referenceMismatches(), "the truth agrees with hg19 chr20");
        assertEquals(alleles, Scoring.rows(tsv).size());
        System.out.printf("real data: %d variant alleles scored in %.3f s (%.0f variant effects/s; cold JVM, PWM test model, window %d)%n",
                summary.scored(), seconds, summary.scored() / seconds, WINDOW);
    }

    @Test
    void scoresMatchWindowsCutByHandFromTheReference() throws IOException {
        List<Map<String, String>> rows = Scoring.rows(tsv);
        Map<String, String> snv = find(rows, "10000117", "T");         // C>T
        Map<String, String> insertion = find(rows, "10001436", "AAGGCT"); // A>AAGGCT
        Map<String, String> deletion = rows.stream().filter(r -> r.get("ref").length() == 11).findFirst().orElseThrow();
        try (ReferenceSequenceFile fasta = ReferenceSequenceFileFactory.getReferenceSequenceFile(reference)) {
            for (Map<String, String> row : List.of(snv, insertion, deletion)) {
                long pos = Long.parseLong(row.get("pos"));
                String ref = row.get("ref");
                String alt = row.get("alt");
                int refBefore = (WINDOW - ref.length()) / 2;
                int altBefore = (WINDOW - alt.length()) / 2;
                String refWindow = bases(fasta, pos - refBefore, pos + ref.length() - 1 + (WINDOW - refBefore - ref.length()));
                String altWindow = bases(fasta, pos - altBefore, pos - 1) + alt
                        + bases(fasta, pos + ref.length(), pos + ref.length() - 1 + (WINDOW - altBefore - alt.length()));
                assertEquals(ref, refWindow.substring(refBefore, refBefore + ref.length()).toUpperCase(), "REF in the middle");
                double motif = WindowModel.motif(altWindow) - WindowModel.motif(refWindow);
                double gc = WindowModel.gc(altWindow) - WindowModel.gc(refWindow);
                assertEquals(motif, Double.parseDouble(row.get("motif_diff")), 1e-6, row.toString());
                assertEquals(gc, Double.parseDouble(row.get("gc_diff")), 1e-6, row.toString());
                assertEquals(Effects.logit(WindowModel.motif(altWindow)) - Effects.logit(WindowModel.motif(refWindow)),
                        Double.parseDouble(row.get("motif_logit_diff")), 1e-4, row.toString());
            }
        }
        assertTrue(rows.stream().anyMatch(r -> Double.parseDouble(r.get("motif_abs_diff")) > 0), "some variant changes the motif score");
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String pos, String alt) {
        return rows.stream().filter(r -> r.get("pos").equals(pos) && r.get("alt").equals(alt)).findFirst().orElseThrow();
    }

    private static String bases(ReferenceSequenceFile fasta, long from, long to) {
        return fasta.getSubsequenceAt("chr20", from, to).getBaseString();
    }

    /** The VCF's lines, decompressed. */
    private static List<String> lines(Path gz) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    @Test
    void injectedReferenceMismatchesAreAllFlaggedAndNothingElse() throws IOException {
        List<String> lines = new ArrayList<>(lines(vcf));
        List<Integer> snvLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", 6);
            if (!lines.get(i).startsWith("#") && f[3].length() == 1 && f[4].length() == 1) {
                snvLines.add(i);
            }
        }
        Set<String> injected = new TreeSet<>();
        int step = snvLines.size() / INJECTED;
        for (int k = 0; k < INJECTED; k++) {
            int i = snvLines.get(k * step + 3);
            String[] f = lines.get(i).split("\t", -1);
            f[3] = "ACGT".chars().mapToObj(c -> String.valueOf((char) c)).filter(b -> !b.equals(f[3]) && !b.equals(f[4]))
                    .findFirst().orElseThrow();
            lines.set(i, String.join("\t", f));
            injected.add(f[1]);
        }
        Path mangled = dir.resolve("mismatches.vcf");
        Files.write(mangled, lines);
        Path out = dir.resolve("mismatches.tsv");
        VariantScorer.Summary s = Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), mangled, reference, out, 64);
        Set<String> flagged = new TreeSet<>();
        Scoring.rows(out).stream().filter(r -> r.get("ref_mismatch").equals("1")).forEach(r -> flagged.add(r.get("pos")));
        assertEquals(INJECTED, injected.size());
        assertEquals(injected, flagged, "100 % of the injected mismatches are flagged, and no other variant");
        assertEquals(INJECTED, s.referenceMismatches());
        assertEquals(summary.variants(), s.scored(), "flagged variants are still scored");
    }

    @Test
    void b37ContigNamesFindTheUcscReferenceAndScoreTheSame() throws IOException {
        List<String> renamed = lines(vcf).stream()
                .map(l -> l.startsWith("chr20\t") ? l.substring(3) : l.replace("##contig=<ID=chr20,", "##contig=<ID=20,")).toList();
        Path b37 = dir.resolve("b37.vcf");
        Files.write(b37, renamed);
        VariantEffectInterpreter interpreter = new VariantEffectInterpreter(new DnaOneHotEncoderService());
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("vcf", b37.toString());
        raw.put("reference", reference.toString());
        WindowModel model = new WindowModel(WINDOW, TaskType.MULTILABEL);
        Path out = Files.createDirectories(dir.resolve("interpret"));
        Map<String, Object> result = interpreter.interpret(new InterpretationRequest(model,
                ArrayDataset.builder(model.schema(), false).build(), PluginTests.valid(interpreter.parameters(), raw, Path.of("")), out, null));
        assertEquals(Map.of("20", "chr20"), result.get("contig_aliases"));
        assertEquals(summary.scored(), result.get("scored"));
        assertEquals(10, ((List<?>) result.get("strongest")).size());
        List<Map<String, String>> expected = Scoring.rows(tsv);
        List<Map<String, String>> actual = Scoring.rows(out.resolve("variant_effects.tsv"));
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> e = new LinkedHashMap<>(expected.get(i));
            Map<String, String> a = new LinkedHashMap<>(actual.get(i));
            assertEquals("20", a.remove("chrom"));
            e.remove("chrom");
            assertEquals(e, a);
        }
    }

    @Test
    void annotatedVcfReReadsWithTheDeclaredInfoFields() throws IOException {
        Path out = dir.resolve("truth.vcf.gz");
        Scoring.score(new WindowModel(WINDOW, TaskType.MULTILABEL), vcf, reference, out, 256);
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(out)) {
            assertEquals(4, in.read(head));
        }
        assertTrue(head[0] == 0x1f && (head[1] & 0xff) == 0x8b && head[3] == 4, "bgzip (gzip with the BGZF extra field)");
        try (VCFFileReader reader = new VCFFileReader(out, false)) {
            VCFHeader header = reader.getFileHeader();
            List<String> fields = List.of("VE_DIFF_motif", "VE_ABS_DIFF_motif", "VE_LOGIT_DIFF_motif", "VE_DIFF_gc", "VE_ABS_DIFF_gc",
                    "VE_LOGIT_DIFF_gc");
            fields.forEach(f -> assertTrue(header.hasInfoLine(f), f));
            assertEquals(header.getGenotypeSamples(), List.of("INTEGRATION"));
            int records = 0;
            for (VariantContext vc : reader) {
                records++;
                for (String f : fields) {
                    assertEquals(vc.getAlternateAlleles().size(), vc.getAttributeAsDoubleList(f, Double.NaN).size(), vc + " " + f);
                }
                assertTrue(vc.getGenotype("INTEGRATION").isCalled(), "genotypes pass through");
            }
            assertEquals(129, records);
        }
    }
}
