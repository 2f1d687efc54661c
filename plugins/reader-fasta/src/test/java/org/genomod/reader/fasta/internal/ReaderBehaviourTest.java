package org.genomod.reader.fasta.internal;

import static org.genomod.reader.fasta.internal.Reads.features;
import static org.genomod.reader.fasta.internal.Reads.labels;
import static org.genomod.reader.fasta.internal.Reads.position;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderBehaviourTest {
    private static final float[] A = {1, 0, 0, 0};
    private static final float[] C = {0, 1, 0, 0};
    private static final float[] G = {0, 0, 1, 0};
    private static final float[] T = {0, 0, 0, 1};
    private static final float[] NONE = {0, 0, 0, 0};

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void fastaLabelIsTheLastWordOfTheHeaderAndSequencesMayWrap() throws IOException {
        Path fasta = write("motifs.fa", ">seq17 some description motif\nAC\nGT\n>seq18 background\nTTGG\n");
        Dataset data = Reads.train(fasta);
        assertEquals(List.of("seq17", "seq18"), List.of(data.id(0), data.id(1)));
        assertEquals(List.of("background", "motif"), data.schema().outputs()); // sorted
        assertArrayEquals(new float[] {0, 1}, labels(data, 0));
        assertArrayEquals(new float[] {1, 0}, labels(data, 1));
        assertArrayEquals(A, position(data, 0, 0));
        assertArrayEquals(T, position(data, 0, 3));
    }

    @Test
    void outputsAreSortedWhateverTheFileOrder() throws IOException {
        Path one = write("one.data", "N, a, ACGT\nIE, b, ACGT\nEI, c, ACGT\n");
        Path two = write("two.data", "EI, c, ACGT\nN, a, ACGT\nIE, b, ACGT\n");
        assertEquals(List.of("EI", "IE", "N"), Reads.train(one).schema().outputs());
        assertEquals(Reads.train(one).schema(), Reads.train(two).schema());
    }

    @Test
    void aTrainedModelsOutputOrderIsKept() throws IOException {
        Path uci = write("order.data", "EI, a, ACGT\nN, b, ACGT\n");
        Dataset data = Reads.predict(uci, List.of("N", "IE", "EI"));
        assertTrue(data.labelled());
        assertEquals(List.of("N", "IE", "EI"), data.schema().outputs());
        assertArrayEquals(new float[] {0, 0, 1}, labels(data, 0));
        assertArrayEquals(new float[] {1, 0, 0}, labels(data, 1));
    }

    @Test
    void binaryPredictionScoresThePositiveClassAgainstTheRest() throws IOException {
        Path tsv = write("b.tsv", "id\tsequence\tlabel\na\tACGT\tbound\nb\tACGT\tunbound\n");
        Dataset data = Reads.predict(tsv, List.of("bound"));
        assertEquals(TaskType.BINARY, data.schema().task());
        assertArrayEquals(new float[] {1}, labels(data, 0));
        assertArrayEquals(new float[] {0}, labels(data, 1));
    }

    @Test
    void predictionWithoutLabelsGivesAnUnlabelledDataset() throws IOException {
        Path fasta = write("plain.fa", ">a\nACGT\n>b\nTTTT\n");
        Dataset data = Reads.predict(fasta, List.of("EI", "IE", "N"));
        assertFalse(data.labelled());
        assertEquals(TaskType.MULTICLASS, data.schema().task());
        assertArrayEquals(new float[] {0, 0, 0}, labels(data, 0));

        Path labelled = write("labelled.fa", ">a pos\nACGT\n");
        assertFalse(Reads.predict(labelled, List.of("pos"), "labels", "none").labelled());
    }

    @Test
    void taskRules() throws IOException {
        Path uci = write("three.data", "EI, a, ACGT\nIE, b, ACGT\nN, c, ACGT\n");
        Dataset oneVsRest = Reads.train(uci, "task", "binary", "positive", "IE");
        assertEquals(TaskType.BINARY, oneVsRest.schema().task());
        assertEquals(List.of("IE"), oneVsRest.schema().outputs());
        assertArrayEquals(new float[] {0}, labels(oneVsRest, 0));
        assertArrayEquals(new float[] {1}, labels(oneVsRest, 1));
        assertArrayEquals(new float[] {0}, labels(oneVsRest, 2));
        // auto with three classes stays multiclass even when positive is given
        assertEquals(TaskType.MULTICLASS, Reads.train(uci, "positive", "IE").schema().task());

        Path two = write("two.data", "yes, a, ACGT\nno, b, ACGT\n");
        assertEquals(TaskType.MULTICLASS, Reads.train(two).schema().task());
        assertEquals(TaskType.BINARY, Reads.train(two, "positive", "yes").schema().task());
        assertEquals(TaskType.MULTICLASS, Reads.train(two, "positive", "yes", "task", "multiclass").schema().task());
    }

    @Test
    void fixedLengthCropsAndPadsAroundTheCentre() throws IOException {
        Path fasta = write("lengths.fa", ">long x\nAACGTT\n>short x\nG\n");
        Dataset data = Reads.train(fasta, "length", 2);
        assertEquals(List.of(2, 4), data.schema().featureShape());
        assertEquals(2, data.schema().attributes().get("length"));
        assertArrayEquals(C, position(data, 0, 0));
        assertArrayEquals(G, position(data, 0, 1));
        // one position short: (2 - 1) / 2 = 0 zero positions before the base, the odd one after it
        assertArrayEquals(G, position(data, 1, 0));
        assertArrayEquals(NONE, position(data, 1, 1));
    }

    @Test
    void reverseComplementParameter() throws IOException {
        Path fasta = write("rc.fa", ">a x\nAACG\n");
        Dataset data = Reads.train(fasta, "reverse_complement", true);
        assertEquals(true, data.schema().attributes().get("reverse_complement"));
        assertArrayEquals(C, position(data, 0, 0));
        assertArrayEquals(G, position(data, 0, 1));
        assertArrayEquals(T, position(data, 0, 2));
        assertArrayEquals(T, position(data, 0, 3));
    }

    @Test
    void rnaAlphabet() throws IOException {
        Path fasta = write("rna.fa", ">a x\nACGU\n");
        Dataset data = Reads.train(fasta, "alphabet", "rna");
        assertEquals("rna-one-hot", data.schema().encoding());
        assertEquals("rna", data.schema().attributes().get("alphabet"));
        assertArrayEquals(T, position(data, 0, 3));
    }

    @Test
    void gzippedFastaAndExplicitFormats() throws IOException {
        Path gz = dir.resolve("reads.fasta.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(">a x\nACGT\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, features(Reads.train(gz), 0));

        // UCI promoter style: tabs before the sequence.
        Path promoters = write("promoters.data", "+,S10,\t\ttactagcaat\n-,867,\t\tatatgaacgt\n");
        Dataset data = Reads.train(promoters, "format", "uci", "positive", "+");
        assertEquals(List.of(10, 4), data.schema().featureShape());
        assertArrayEquals(new float[] {1}, labels(data, 0));
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            fasta.append('>').append(i).append(" x\nACGT\n");
        }
        Path file = write("many.fa", fasta.toString());
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        CancellationException e = assertThrows(CancellationException.class,
                () -> Reads.read(file, ReadContext.forTraining(cancelled)));
        assertTrue(e.getMessage().contains("user asked"), e.getMessage());

        AtomicInteger polls = new AtomicInteger();
        Cancellation counting = new Cancellation() {
            @Override public boolean isCancelled() { polls.incrementAndGet(); return false; }
            @Override public String reason() { return null; }
        };
        assertEquals(10_000, Reads.read(file, ReadContext.forTraining(counting)).size());
        // Polled every 4,096 records while collecting (records 0, 4,096 and 8,192); encoding happens on access.
        assertEquals(3, polls.get());
    }

    @Test
    void predictionReadsAFastaWithTheEncodingOfAModelTrainedOnUci() throws Exception {
        Path uci = write("train.data", "EI, a, ACGT\nIE, b, ACGA\nN, c, TTTT\n");
        FastaDataReader reader = new FastaDataReader();
        java.util.Map<String, Object> training = new java.util.HashMap<>(java.util.Map.of("format", "uci", "length", 0));
        java.util.List<String> outputs = Reads.train(uci, "format", "uci").schema().outputs();
        Path fasta = write("new.fa", ">x unrelated words\nACGT\n>y\nCCCC\n");
        java.util.Map<String, Object> raw = reader.predictionParameters(training, fasta);
        assertEquals(fasta.toString(), raw.get("path"));
        assertFalse(raw.containsKey("format"), "the new file's format is detected, not the training file's");
        Dataset data = reader.read(reader.parameters().validate(raw, dir), ReadContext.forPrediction(outputs));
        assertFalse(data.labelled());
        assertEquals(List.of("EI", "IE", "N"), data.schema().outputs());
        assertEquals(List.of("x", "y"), List.of(data.id(0), data.id(1)));
        assertArrayEquals(C, position(data, 1, 0));
    }
}
