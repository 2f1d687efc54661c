package org.genomod.reader.intervals.internal;

import static org.genomod.reader.intervals.internal.Reads.decoded;
import static org.genomod.reader.intervals.internal.Reads.labels;
import static org.genomod.reader.intervals.internal.Reads.sequence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader against a small synthetic reference whose bases the tests know. */
class ReaderBehaviourTest {
    static final String CHR_A = Fixtures.random(5000, 1);
    static final String CHR_B = Fixtures.random(3000, 2);

    @TempDir
    Path dir;
    Path reference;

    @BeforeEach
    void writeReference() throws IOException {
        reference = Fixtures.fasta(dir, "ref.fa", "chrA", CHR_A, "chrB", CHR_B);
    }

    private Path bed(String... lines) throws IOException {
        return Fixtures.text(dir, "peaks.bed", lines);
    }

    @Test
    void windowsAreCentredOnIntervalsAndGroupedByContig() throws IOException {
        Path bed = bed("chrA\t1000\t1100", "chrB\t200\t301", "chrA\t4000\t4001");
        Dataset d = Reads.predict(bed, reference, List.of("peaks"), "window", 100);
        assertEquals(3, d.size());
        assertEquals(List.of(100, 4), d.schema().featureShape());
        assertEquals("dna-one-hot", d.schema().encoding());
        assertEquals(CHR_A.substring(1000, 1100), sequence(d, 0));
        assertEquals(CHR_B.substring(250 - 50, 250 + 50), sequence(d, 1));
        assertEquals(CHR_A.substring(3950, 4050), sequence(d, 2));
        assertEquals(sequence(d, 1), decoded(d, 1));
        assertEquals("chrA:1001-1100", d.id(0));
        assertEquals("chrB:201-300", d.id(1));
        assertEquals(List.of("chrA", "chrB", "chrA"), List.of(d.group(0), d.group(1), d.group(2)));
        assertFalse(d.labelled(), "prediction input without labels");
        assertEquals(List.of("peaks"), d.schema().outputs());
        assertEquals("bed", d.schema().attributes().get("format"));
    }

    @Test
    void softMaskedAndAmbiguousReferenceBasesAreEncodedLikeReaderFasta() throws IOException {
        String contig = CHR_A.substring(0, 1000) + "NNNNRYNN" + CHR_A.substring(1008, 2000).toLowerCase();
        Path ref = Fixtures.fasta(dir, "masked.fa", "chrM", contig);
        Path bed = bed("chrM\t995\t1015\t.\t0\t+", "chrM\t1500\t1510\t.\t0\t+", "chrM\t100\t110\t.\t0\t-");
        Dataset d = Reads.predict(bed, ref, List.of("p"), "window", 20, "strand_aware", true);
        assertEquals(contig.substring(995, 1015).toUpperCase(), sequence(d, 0));
        assertEquals(CHR_A.substring(995, 1000) + "NNNN??NN" + CHR_A.substring(1008, 1015), decoded(d, 0));
        float[] f = Reads.features(d, 0);
        assertArrayEquals(new float[] {.5f, 0, .5f, 0, 0, .5f, 0, .5f}, java.util.Arrays.copyOfRange(f, 9 * 4, 11 * 4));
        assertEquals(CHR_A.substring(1495, 1515), sequence(d, 1), "soft-masked bases are upper-cased");
        assertEquals(sequence(d, 1), decoded(d, 1));
        assertEquals(Fixtures.reverseComplement(CHR_A.substring(95, 115)), decoded(d, 2));
    }

    @Test
    void minusStrandWindowsAreReverseComplementedWhenStrandAware() throws IOException {
        Path bed = bed("chrA\t1000\t1100\tx\t0\t-", "chrA\t1000\t1100\ty\t0\t+");
        Dataset aware = Reads.predict(bed, reference, List.of("p"), "window", 100, "strand_aware", true);
        assertEquals(Fixtures.reverseComplement(CHR_A.substring(1000, 1100)), sequence(aware, 0));
        assertEquals(CHR_A.substring(1000, 1100), sequence(aware, 1));
        assertEquals("chrA:1001-1100(-)", aware.id(0));
        assertEquals(sequence(aware, 0), decoded(aware, 0));
        Dataset unaware = Reads.predict(bed, reference, List.of("p"), "window", 100);
        assertEquals(CHR_A.substring(1000, 1100), sequence(unaware, 0));
    }

    @Test
    void intervalListsAndUnnamedFilesAreRead() throws IOException {
        Path list = Fixtures.text(dir, "t.interval_list", "@HD\tVN:1.6", "@SQ\tSN:chrA\tLN:5000", "@SQ\tSN:chrB\tLN:3000",
                "chrA\t1001\t1100\t-\tfirst");
        Dataset d = Reads.predict(list, reference, List.of("p"), "window", 100, "strand_aware", true);
        assertEquals(Fixtures.reverseComplement(CHR_A.substring(1000, 1100)), sequence(d, 0));
        assertEquals("interval_list", d.schema().attributes().get("format"));
        Path text = Fixtures.text(dir, "regions.txt", "chrB\t100\t110");
        assertEquals(CHR_B.substring(100, 110), sequence(Reads.predict(text, reference, List.of("p"), "window", 10,
                "format", "bed"), 0));
    }

    @Test
    void flankGivesTheCentreBasePlusFlankOnEachSide() throws IOException {
        Dataset d = Reads.predict(bed("chrA\t2000\t2011"), reference, List.of("p"), "flank", 10);
        assertEquals(List.of(21, 4), d.schema().featureShape());
        assertEquals(CHR_A.substring(1995, 2016), sequence(d, 0));
    }

    @Test
    void narrowPeakWindowsAreCentredOnTheSummit() throws IOException {
        Path peaks = Fixtures.text(dir, "x.narrowPeak", "chrA\t1000\t1500\t.\t0\t.\t5.5\t-1\t2\t100",
                "chrA\t1000\t1500\t.\t0\t.\t5.5\t-1\t2\t-1");
        Dataset d = Reads.predict(peaks, reference, List.of("p"), "window", 50);
        assertEquals(CHR_A.substring(1075, 1125), sequence(d, 0));
        assertEquals(CHR_A.substring(1225, 1275), sequence(d, 1));
        assertEquals("narrowpeak", d.schema().attributes().get("format"));
        Dataset centred = Reads.predict(peaks, reference, List.of("p"), "window", 50, "summit", false);
        assertEquals(CHR_A.substring(1225, 1275), sequence(centred, 0));
    }

    @Test
    void windowsRunningOffAContigAreDroppedAndCountedUnlessPadded() throws IOException {
        Path bed = bed("chrA\t10\t20", "chrA\t2000\t2010", "chrB\t2990\t3000");
        Dataset dropped = Reads.predict(bed, reference, List.of("p"), "window", 100);
        assertEquals(1, dropped.size());
        assertEquals(2L, counts(dropped).get("off_contig"));
        assertTrue(warnings(dropped).get(0).startsWith("2 windows of 100 bp ran off a contig end and were dropped"));

        Dataset padded = Reads.predict(bed, reference, List.of("p"), "window", 100, "pad", true);
        assertEquals(3, padded.size());
        assertEquals(2L, counts(padded).get("padded"));
        // [15 - 50, 15 + 50): 35 positions before the contig start are all-zero
        assertEquals(".".repeat(35) + CHR_A.substring(0, 65), decoded(padded, 0));
        assertEquals(CHR_B.substring(2945) + ".".repeat(45), decoded(padded, 2));
        assertEquals("chrA:-34-65", padded.id(0));
    }

    @Test
    void blacklistedWindowsAreDroppedAndCounted() throws IOException {
        Path blacklist = Fixtures.text(dir, "black.bed", "chrA\t1095\t1096", "chrUn\t0\t10");
        Dataset d = Reads.predict(bed("chrA\t1000\t1100", "chrA\t3000\t3100"), reference, List.of("p"),
                "window", 200, "blacklist", blacklist.toString());
        assertEquals(1, d.size());
        assertEquals("chrA:2951-3150", d.id(0));
        assertEquals(1L, counts(d).get("blacklisted"));
    }

    @Test
    void chromosomeListsSelectAndExcludeContigs() throws IOException {
        Path bed = bed("chrA\t1000\t1100", "chrB\t1000\t1100", "chrC\t5\t10");
        Dataset onlyA = Reads.predict(bed, reference, List.of("p"), "window", 10, "chromosomes", List.of("chrA"));
        assertEquals(1, onlyA.size());
        assertEquals("chrA", onlyA.group(0));
        assertEquals(2L, counts(onlyA).get("outside_chromosomes"));
        Dataset notC = Reads.predict(bed, reference, List.of("p"), "window", 10, "exclude_chromosomes", List.of("chrC"));
        assertEquals(List.of("chrA", "chrB"), List.of(notC.group(0), notC.group(1)));
    }

    @Test
    void labelFilesGiveOneTaskEach() throws IOException {
        Path windows = bed("chrA\t1000\t1100", "chrA\t2000\t2100", "chrA\t3000\t3100");
        // window centre bins (label_bin 50): [1025, 1075), [2025, 2075), [3025, 3075)
        Path ctcf = Fixtures.text(dir, "ctcf.bed", "chrA\t1000\t1060", "chrA\t3060\t3200"); // 35/50 and 15/50 of the bins
        Path rad21 = Fixtures.text(dir, "rad21.narrowPeak", "chrA\t2040\t2050\t.\t0\t.\t1\t1\t1\t5"); // a 10 bp peak inside
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("ctcf", "ctcf.bed");
        labels.put("rad21", rad21.toString());
        Dataset d = Reads.train(windows, reference, "window", 100, "labels", labels, "label_bin", 50);
        assertEquals(TaskType.MULTILABEL, d.schema().task());
        assertEquals(List.of("ctcf", "rad21"), d.schema().outputs());
        assertArrayEquals(new float[] {1, 0}, labels(d, 0));
        assertArrayEquals(new float[] {0, 1}, labels(d, 1));
        assertArrayEquals(new float[] {0, 0}, labels(d, 2));
        Dataset anyOverlap = Reads.train(windows, reference, "window", 100, "labels", labels, "label_bin", 50,
                "min_overlap", 0);
        assertArrayEquals(new float[] {1, 0}, labels(anyOverlap, 2));

        Dataset one = Reads.train(windows, reference, "window", 100, "labels", Map.of("ctcf", ctcf.toString()),
                "label_bin", 50);
        assertEquals(TaskType.BINARY, one.schema().task());
        assertEquals(List.of("ctcf"), one.schema().outputs());
    }

    @Test
    void nameColumnGivesOneTaskPerName() throws IOException {
        Path bed = bed("chrA\t1000\t1100\tsox2", "chrA\t1000\t1100\toct4", "chrA\t2000\t2100\toct4");
        Dataset d = Reads.train(bed, reference, "window", 100, "label_column", "name");
        assertEquals(List.of("oct4", "sox2"), d.schema().outputs());
        assertEquals(TaskType.MULTILABEL, d.schema().task());
        assertArrayEquals(new float[] {1, 1}, labels(d, 0));
        assertArrayEquals(new float[] {1, 1}, labels(d, 1));
        assertArrayEquals(new float[] {1, 0}, labels(d, 2));
    }

    @Test
    void scoreAndSignalColumnsGiveRegressionTargets() throws IOException {
        Dataset scores = Reads.train(bed("chrA\t1000\t1100\tp\t12.5", "chrA\t2000\t2100\tq\t3"), reference,
                "window", 10, "label_column", "score", "task_name", "enrichment");
        assertEquals(TaskType.REGRESSION, scores.schema().task());
        assertEquals(List.of("enrichment"), scores.schema().outputs());
        assertArrayEquals(new float[] {12.5f}, labels(scores, 0));
        assertArrayEquals(new float[] {3f}, labels(scores, 1));
        Path peaks = Fixtures.text(dir, "s.narrowPeak", "chrA\t1000\t1100\t.\t0\t.\t7.25\t-1\t2\t-1");
        assertArrayEquals(new float[] {7.25f}, labels(Reads.train(peaks, reference, "label_column", "signal_value",
                "window", 10), 0));
    }

    @Test
    void shuffledNegativesKeepDinucleotidesAndTheirSourceGroup() throws IOException {
        Path bed = bed("chrA\t1000\t1100", "chrB\t1000\t1100", "chrA\t3000\t3100");
        Dataset d = Reads.train(bed, reference, "window", 100, "negatives", "shuffled", "negative_ratio", 2);
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("peaks"), d.schema().outputs());
        assertEquals(9, d.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new float[] {1}, labels(d, i));
        }
        for (int k = 0; k < 6; k++) {
            int i = 3 + k;
            int source = k / 2;
            assertArrayEquals(new float[] {0}, labels(d, i));
            assertEquals(d.group(source), d.group(i));
            assertEquals(d.id(source) + "/shuffle" + (k % 2 + 1), d.id(i));
            assertEquals(pairs(sequence(d, source)), pairs(sequence(d, i)));
            assertFalse(sequence(d, source).equals(sequence(d, i)));
        }
        assertEquals(6L, counts(d).get("shuffled"));
        Dataset again = Reads.train(bed, reference, "window", 100, "negatives", "shuffled", "negative_ratio", 2);
        assertEquals(sequence(d, 5), sequence(again, 5), "seeded");
        Dataset otherSeed = Reads.train(bed, reference, "window", 100, "negatives", "shuffled", "negative_ratio", 2, "seed", 7);
        assertFalse(sequence(d, 5).equals(sequence(otherSeed, 5)));
        Dataset half = Reads.train(bed, reference, "window", 100, "negatives", "shuffled", "negative_ratio", 0.5);
        assertEquals(3 + 2, half.size()); // round(1.5) = 2
    }

    private static Map<String, Integer> pairs(String s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            counts.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void trainingNeedsNegativesOrLabels() throws IOException {
        Path bed = bed("chrA\t1000\t1100");
        var e = assertThrows(org.genomod.api.data.InputFormatException.class, () -> Reads.train(bed, reference));
        assertTrue(e.getMessage().contains("every window would be labelled 1: give negatives"), e.getMessage());
    }

    @Test
    void predictionParametersKeepTheEncodingAndDropLabelsAndFilters() {
        IntervalsDataReader reader = new IntervalsDataReader();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("reference", "/ref.fa");
        training.put("window", 500);
        training.put("strand_aware", true);
        training.put("labels", Map.of("a", "a.bed"));
        training.put("label_dir", "/spec");
        training.put("negatives", "gc_matched");
        training.put("chromosomes", List.of("chr1"));
        training.put("blacklist", "/black.bed");
        training.put("format", "narrowpeak");
        Map<String, Object> p = reader.predictionParameters(training, Path.of("/new.bed"));
        assertEquals(Map.of("reference", "/ref.fa", "window", 500, "strand_aware", true, "negatives", "none",
                "path", "/new.bed"), p);
    }

    @Test
    void predictionWithAModelsOutputsReadsUnlabelled() throws IOException {
        Path bed = bed("chrA\t1000\t1100\tp\t0\t-");
        Dataset d = Reads.predict(bed, reference, List.of("ctcf", "rad21"), "window", 10);
        assertFalse(d.labelled());
        assertEquals(List.of("ctcf", "rad21"), d.schema().outputs());
        assertArrayEquals(new float[] {0, 0}, labels(d, 0));
    }

    @Test
    void inputsListEveryFileRead() throws IOException, ParameterException {
        Path bgzip = Fixtures.bgzipFasta(dir, "ref.fa.gz", "chrA", CHR_A);
        Path bed = bed("chrA\t1\t2");
        Path black = Fixtures.text(dir, "black.bed", "chrA\t1\t2");
        Path lab = Fixtures.text(dir, "lab.bed", "chrA\t1\t2");
        IntervalsDataReader reader = new IntervalsDataReader();
        var p = reader.parameters().validate(Reads.raw(bed, bgzip, "blacklist", "black.bed", "labels", Map.of("t", "lab.bed")), dir);
        assertEquals(List.of(bed, bgzip, dir.resolve("ref.fa.gz.fai"), dir.resolve("ref.fa.gz.gzi"), lab, black),
                reader.inputs(p));
    }

    @Test
    void bgzipReferenceGivesTheSameWindows() throws IOException {
        Path bgzip = Fixtures.bgzipFasta(dir, "ref.fa.gz", "chrA", CHR_A, "chrB", CHR_B);
        Path bed = bed("chrA\t1000\t1100\tx\t0\t+", "chrB\t1\t2999\tx\t0\t.", "chrA\t4900\t5000\tx\t0\t-");
        Dataset plain = Reads.predict(bed, reference, List.of("p"), "window", 90, "strand_aware", true);
        Dataset compressed = Reads.predict(bed, bgzip, List.of("p"), "window", 90, "strand_aware", true);
        assertEquals(3, compressed.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(sequence(plain, i), sequence(compressed, i));
        }
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        Path bed = bed("chrA\t1000\t1100");
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        var e = assertThrows(CancellationException.class, () -> Reads.read(Reads.raw(bed, reference), dir,
                ReadContext.forTraining(cancelled)));
        assertTrue(e.getMessage().contains("user asked"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Dataset d) {
        return (Map<String, Object>) d.schema().attributes().get("counts");
    }

    @SuppressWarnings("unchecked")
    static List<String> warnings(Dataset d) {
        return (List<String>) d.schema().attributes().get("warnings");
    }
}
