package org.genomod.reader.plink.internal;

import static org.genomod.reader.plink.internal.Reads.features;
import static org.genomod.reader.plink.internal.Reads.label;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of the hand-written trio in {@link Trio}. */
class ReaderBehaviourTest {
    @TempDir
    Path dir;

    @Test
    void trainingKeepsSamplesWithACaseControlPhenotype() throws IOException {
        Dataset d = Reads.train(Trio.standard(dir));
        // s3 (-9) and s5 (0) have no phenotype: left out
        assertEquals(3, d.size());
        assertEquals(List.of("s1", "s2", "s4"), List.of(d.id(0), d.id(1), d.id(2)));
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("case"), d.schema().outputs());
        assertEquals(List.of(3), d.schema().featureShape());
        assertEquals("allele-count", d.schema().encoding());
        assertEquals(1f, label(d, 0));
        assertEquals(0f, label(d, 1));
        assertEquals(1f, label(d, 2));
        assertNull(d.group(0));
        assertArrayEquals(new float[] {2, 1, 0}, features(d, 0));
        assertArrayEquals(new float[] {1, 1, 0}, features(d, 1));
        // s4's rs1 call is missing: the mean of s1 and s2, the samples read
        assertArrayEquals(new float[] {1.5f, 1, 1}, features(d, 2));
    }

    @Test
    void predictionKeepsEverySampleAndMeansOverAll() throws IOException {
        Dataset d = Reads.predict(Trio.standard(dir), List.of("case"), "phenotype", "none");
        assertEquals(5, d.size());
        assertFalse(d.labelled());
        assertEquals(TaskType.BINARY, d.schema().task());
        assertArrayEquals(new float[] {0, 1, 2}, features(d, 2));
        assertArrayEquals(new float[] {1.25f, 1, 1}, features(d, 3));   // rs1 mean (2+1+0+2)/4
        assertArrayEquals(new float[] {2, 1, 0.75f}, features(d, 4));   // rs3 mean (0+0+2+1)/4
        assertEquals(0f, label(d, 0));
    }

    @Test
    void maskZeroAndTheOtherAllele() throws IOException {
        Path bed = Trio.standard(dir);
        Dataset masked = Reads.predict(bed, List.of("case"), "phenotype", "none", "mask", true);
        assertEquals(List.of(3, 2), masked.schema().featureShape());
        assertArrayEquals(new float[] {1.25f, 0, 1, 1, 1, 1}, features(masked, 3));
        Dataset zero = Reads.predict(bed, List.of("case"), "phenotype", "none", "missing", "zero");
        assertArrayEquals(new float[] {0, 1, 1}, features(zero, 3));
        Dataset nan = Reads.predict(bed, List.of("case"), "phenotype", "none", "missing", "nan");
        assertArrayEquals(new float[] {Float.NaN, 1, 1}, features(nan, 3));
        assertEquals("nan", nan.schema().attributes().get("missing"));
        Dataset a2 = Reads.predict(bed, List.of("case"), "phenotype", "none", "counted_allele", "a2");
        assertArrayEquals(new float[] {0, 1, 2}, features(a2, 0));
        assertArrayEquals(new float[] {0.75f, 1, 1}, features(a2, 3));  // rs1 A2 counts 0, 1, 2, 0
        assertNotEquals(zero.schema().attributes().get("feature_digest"), a2.schema().attributes().get("feature_digest"));
    }

    @Test
    void snpSelectionByIdKeepsTheListedOrder() throws IOException {
        Path bed = Trio.standard(dir);
        Dataset named = Reads.train(bed, "snps", List.of("rs3", "rs1"));
        assertEquals(List.of(2), named.schema().featureShape());
        assertArrayEquals(new float[] {0, 2}, features(named, 0));
        Dataset first = Reads.train(bed, "max_snps", 2);
        assertArrayEquals(new float[] {2, 1}, features(first, 0));
        assertEquals(2, first.schema().attributes().get("snps"));
    }

    @Test
    void phenotypeTableWithZeroOneCodingAndGroups() throws IOException {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("pheno.tsv"),
                "sample\tpopulation\tcc\ns1\tA\t1\ns2\tA\t0\ns3\tB\t0\ns4\tB\t1\ns5\tB\tNA\n");
        Dataset d = Reads.train(bed, "phenotype_file", table.toString(), "phenotype_column", "cc", "group_column", "population");
        assertEquals(List.of("s1", "s2", "s3", "s4"), List.of(d.id(0), d.id(1), d.id(2), d.id(3)));
        assertEquals(List.of(1f, 0f, 0f, 1f), List.of(label(d, 0), label(d, 1), label(d, 2), label(d, 3)));
        assertEquals(List.of("A", "A", "B", "B"), List.of(d.group(0), d.group(1), d.group(2), d.group(3)));
        assertEquals("cc", d.schema().attributes().get("phenotype"));
    }

    @Test
    void plinkPhenoLayoutMatchesFamilyAndIndividual() throws IOException {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("pheno.txt"), "FID IID height\nf1 s1 1.72\nf2 s2 1.60\nf3 s3 -9\nf9 s4 1.80\n");
        Dataset d = Reads.train(bed, "phenotype_file", table.toString());
        // f9 s4 matches no .fam sample (s4 is in family f4); s3 is missing: two samples remain
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(List.of("height"), d.schema().outputs());
        assertEquals(2, d.size());
        assertEquals(1.72f, label(d, 0));
        assertEquals(1.60f, label(d, 1));
    }

    @Test
    void quantitativeFamPhenotypeIsARegression() throws IOException {
        Path bed = Trio.write(dir, "q", Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3), Trio.BIM,
                Trio.FAM.replace("1 2\n", "1 0.5\n").replace("2 1\n", "2 0\n").replace("0 0\n", "0 3.25\n"));
        Dataset d = Reads.train(bed);
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(List.of("phenotype"), d.schema().outputs());
        // 0 is a value of a quantitative phenotype; -9 stays missing
        assertEquals(4, d.size());
        assertEquals(List.of(0.5f, 0f, 2f, 3.25f), List.of(label(d, 0), label(d, 1), label(d, 2), label(d, 3)));
    }

    @Test
    void gzipBedReadsAsThePlainOne() throws IOException {
        Path plain = Trio.standard(dir);
        Path gz = dir.resolve("z.bed.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        Files.copy(dir.resolve("t.bim"), dir.resolve("z.bim"));
        Files.copy(dir.resolve("t.fam"), dir.resolve("z.fam"));
        Dataset a = Reads.train(plain);
        Dataset b = Reads.train(gz);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(features(a, i), features(b, i));
        }
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        Path bed = Trio.standard(dir);
        CancellationException e = assertThrows(CancellationException.class,
                () -> Reads.read(bed, new ReadContext(true, List.of(), cancelled)));
        assertTrue(e.getMessage().contains("user asked"), e.getMessage());
    }

    @Test
    void inputsAndPredictionParameters() throws Exception {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("p.tsv"), "sample\tcc\ns1\t1\n");
        PlinkDataReader reader = new PlinkDataReader();
        var parameters = reader.parameters().validate(Map.of("path", bed.toString(), "phenotype_file", table.toString()), dir);
        assertEquals(List.of(bed, dir.resolve("t.bim"), dir.resolve("t.fam"), table), reader.inputs(parameters));
        Map<String, Object> training = new HashMap<>(Map.of("phenotype_file", table.toString(), "bim_file", "x.bim",
                "max_snps", 2, "counted_allele", "a2"));
        Map<String, Object> prediction = reader.predictionParameters(training, dir.resolve("new.bed"));
        assertEquals(Map.of("path", dir.resolve("new.bed").toString(), "phenotype", "none", "max_snps", 2,
                "counted_allele", "a2"), prediction);
    }

    @Test
    void severalPhenotypeColumnsMakeAMultiLabelTask() throws IOException {
        Path bed = Trio.standard(dir);
        // cc: 0/1 coded; pop: text classes with B positive; s3 lacks cc, s5 lacks pop: both left out of training
        Path table = Files.writeString(dir.resolve("pheno.tsv"),
                "sample\tcc\tpop\ns1\t1\tA\ns2\t0\tB\ns3\tNA\tA\ns4\t1\tB\ns5\t0\t\n");
        Dataset d = Reads.train(bed, "phenotype_file", table.toString(), "phenotype_column", List.of("cc", "pop"), "positive", "B");
        assertEquals(TaskType.MULTILABEL, d.schema().task());
        assertEquals(List.of("cc", "pop"), d.schema().outputs());
        assertEquals(List.of("s1", "s2", "s4"), List.of(d.id(0), d.id(1), d.id(2)));
        assertArrayEquals(new float[] {1, 0}, labels(d, 0));
        assertArrayEquals(new float[] {0, 1}, labels(d, 1));
        assertArrayEquals(new float[] {1, 1}, labels(d, 2));
        assertEquals(List.of("cc", "pop"), d.schema().attributes().get("phenotype"));
        assertEquals(List.of("B"), d.schema().attributes().get("positive"));
        // s4's rs1 call is missing: the mean over the samples read (s1, s2), as with one phenotype
        assertArrayEquals(new float[] {1.5f, 1, 1}, features(d, 2));

        // an independent test read for the model's outputs is labelled; a prediction read is not
        Dataset test = Reads.read(bed, new ReadContext(true, List.of("cc", "pop"), Cancellation.NEVER),
                "phenotype_file", table.toString(), "phenotype_column", List.of("cc", "pop"), "positive", "B");
        assertTrue(test.labelled());
        assertArrayEquals(new float[] {0, 1}, labels(test, 1));
        Dataset predict = Reads.predict(bed, List.of("cc", "pop"), "phenotype", "none", "positive", "B");
        assertEquals(TaskType.MULTILABEL, predict.schema().task());
        assertEquals(5, predict.size());
        assertFalse(predict.labelled());
        assertArrayEquals(new float[] {0, 0}, labels(predict, 0));
    }

    @Test
    void aTextColumnOfTwoClassesIsBinaryWithThePositiveClassAsOutput() throws IOException {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("strata.tsv"), "sample\tstratum\ns1\tCEU\ns2\tJPT+CHB\ns3\tCEU\ns4\tJPT+CHB\n");
        Dataset d = Reads.train(bed, "phenotype_file", table.toString(), "positive", "JPT+CHB");
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("JPT+CHB"), d.schema().outputs());
        assertEquals(List.of(0f, 1f, 0f, 1f), List.of(label(d, 0), label(d, 1), label(d, 2), label(d, 3)));
        // the model's output names the positive class, so a prediction read knows the task is binary
        assertEquals(TaskType.BINARY, Reads.predict(bed, List.of("JPT+CHB"), "phenotype", "none", "positive", "JPT+CHB").schema().task());
    }

    private static float[] labels(Dataset d, int index) {
        float[] values = new float[d.schema().labelSize()];
        d.labels(index, values, 0);
        return values;
    }
}
