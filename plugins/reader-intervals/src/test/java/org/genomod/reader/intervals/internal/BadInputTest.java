package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad references, intervals that do not fit them, and parameter combinations that cannot work. */
class BadInputTest {
    @TempDir
    Path dir;
    Path reference;
    Path bed;

    @BeforeEach
    void writeFiles() throws IOException {
        reference = Fixtures.fasta(dir, "ref.fa", "chrA", Fixtures.random(2000, 1), "chrB", Fixtures.random(1000, 2));
        bed = Fixtures.text(dir, "peaks.bed", "chrA\t500\t600\tp1\t5\t+");
    }

    private static InputFormatException assertRejected(Path file, long line, String problem, Executable read) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    private void train(Path reference, Object... keyValues) throws IOException {
        Reads.train(bed, reference, keyValues);
    }

    @Test
    void referenceWithoutIndex() throws IOException {
        Files.delete(dir.resolve("ref.fa.fai"));
        assertRejected(reference, 0, "reference has no index ref.fa.fai; create it with: samtools faidx ref.fa",
                () -> train(reference, "negatives", "shuffled"));
    }

    @Test
    void bgzipReferenceWithoutGzi() throws IOException {
        Path bgzip = Fixtures.bgzipFasta(dir, "ref.fa.gz", "chrA", Fixtures.random(2000, 1));
        Files.delete(dir.resolve("ref.fa.gz.gzi"));
        assertRejected(bgzip, 0, "bgzip reference has no .gzi index (ref.fa.gz.gzi); create it with: samtools faidx ref.fa.gz",
                () -> train(bgzip, "negatives", "shuffled"));
    }

    @Test
    void plainGzipReference() throws IOException {
        Path gz = dir.resolve("plain.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(reference));
        }
        Files.copy(dir.resolve("ref.fa.fai"), dir.resolve("plain.fa.gz.fai"));
        assertRejected(gz, 0, "reference is gzip-compressed but not with bgzip, so it cannot be indexed",
                () -> train(gz, "negatives", "shuffled"));
    }

    @Test
    void staleOrBrokenIndex() throws IOException {
        byte[] fasta = Files.readAllBytes(reference);
        Files.write(reference, java.util.Arrays.copyOf(fasta, fasta.length - 500));
        assertRejected(dir.resolve("ref.fa.fai"), 0, "the index is stale, re-create it with: samtools faidx ref.fa",
                () -> train(reference, "negatives", "shuffled"));
        Files.writeString(dir.resolve("ref.fa.fai"), "chrA\tlots\t5\t60\t61\n");
        assertRejected(dir.resolve("ref.fa.fai"), 0, "is not a valid FASTA index",
                () -> train(reference, "negatives", "shuffled"));
        Files.writeString(dir.resolve("ref.fa.fai"), "");
        assertRejected(dir.resolve("ref.fa.fai"), 0, "lists no sequences", () -> train(reference, "negatives", "shuffled"));
    }

    @Test
    void indexPointingIntoLineBreaksIsCaughtByTheBases() throws IOException {
        // 60 bases per line but the index claims 61, so reads pick up the line breaks.
        Path shifted = Fixtures.fasta(dir, "shift.fa", "chrA", Fixtures.random(2000, 1));
        String fai = Files.readString(dir.resolve("shift.fa.fai")).replace("\t60\t61", "\t61\t62");
        Files.writeString(dir.resolve("shift.fa.fai"), fai);
        assertRejected(shifted, 0, "has byte 0x0A at chrA:", () -> train(shifted, "negatives", "shuffled"));
    }

    @Test
    void referenceWithForeignCharacters() throws IOException {
        Path odd = Fixtures.fasta(dir, "odd.fa", "chrA", "ACGT".repeat(120) + "*" + "ACGT".repeat(380));
        assertRejected(odd, 0, "has '*' at chrA:481, which is not a nucleotide code",
                () -> train(odd, "negatives", "shuffled"));
    }

    @Test
    void contigMissingFromTheReferenceNamesTheNamingScheme() throws IOException {
        Path b37 = Fixtures.fasta(dir, "b37.fa", "20", Fixtures.random(1000, 4));
        Path ucsc = Fixtures.text(dir, "ucsc.bed", "chr20\t10\t20");
        assertRejected(ucsc, 1, "contig 'chr20' is not in reference b37.fa (it has: 20); the reference calls it '20'",
                () -> Reads.train(ucsc, b37, "negatives", "shuffled"));
        Path other = Fixtures.text(dir, "other.bed", "chrA\t10\t20", "chrQ\t10\t20");
        assertRejected(other, 2, "contig 'chrQ' is not in reference ref.fa (it has: chrA, chrB) (restrict the contigs read",
                () -> Reads.train(other, reference, "negatives", "shuffled"));
    }

    @Test
    void intervalBeyondTheContigEnd() throws IOException {
        Path hg38 = Fixtures.text(dir, "hg38.bed", "chrB\t900\t1001");
        assertRejected(hg38, 1, "interval chrB:901-1001 ends beyond chrB, which has 1000 bases in reference ref.fa; "
                + "is the file for another assembly?", () -> Reads.train(hg38, reference, "negatives", "shuffled"));
    }

    @Test
    void chromosomesMustExist() {
        assertRejected(bed, 0, "parameter chromosomes: contig 'chr8' is not in reference ref.fa",
                () -> train(reference, "negatives", "shuffled", "chromosomes", List.of("chrA", "chr8")));
    }

    @Test
    void emptyIntervalFilesAndNoWindows() throws IOException {
        Path empty = Fixtures.text(dir, "empty.bed", "track name=none");
        assertRejected(empty, 0, "has no intervals", () -> Reads.train(empty, reference, "negatives", "shuffled"));
        Path edge = Fixtures.text(dir, "edge.bed", "chrB\t0\t10", "chrA\t700\t800");
        assertRejected(edge, 0, "yields no windows: of 2 intervals, 1 lie outside the chromosomes read, 1 have windows "
                + "running off a contig end and 0 overlap the blacklist",
                () -> Reads.train(edge, reference, "negatives", "shuffled", "window", 1000, "chromosomes", List.of("chrB")));
    }

    @Test
    void conflictingParameters() throws IOException {
        Path labels = Fixtures.text(dir, "lab.bed", "chrA\t1\t100");
        assertRejected(bed, 0, "give either window or flank, not both", () -> train(reference, "window", 10, "flank", 5));
        assertRejected(bed, 0, "give either labels (files) or label_column, not both",
                () -> train(reference, "labels", Map.of("a", labels.toString()), "label_column", "name"));
        assertRejected(bed, 0, "labels entry 'b' names a file that does not exist",
                () -> train(reference, "labels", Map.of("b", "missing.bed")));
        assertRejected(bed, 0, "labels entry 'c' must map a task name to a BED file path",
                () -> train(reference, "labels", Map.of("c", List.of("x.bed"))));
        assertRejected(bed, 0, "labels is empty", () -> train(reference, "labels", Map.of()));
        assertRejected(bed, 0, "task_name names the single output of a binary or regression task",
                () -> train(reference, "labels", Map.of("a", labels.toString()), "task_name", "x"));
    }

    @Test
    void labelColumnsMustBeThere() throws IOException {
        Path noName = Fixtures.text(dir, "n.bed", "chrA\t500\t600\tp1", "chrA\t700\t800\t.");
        assertRejected(noName, 2, "label_column: name needs a name (column 4) on every line",
                () -> Reads.train(noName, reference, "label_column", "name"));
        Path noScore = Fixtures.text(dir, "s.bed", "chrA\t500\t600\tp1\t.");
        assertRejected(noScore, 1, "label_column: score needs a numeric score (column 5)",
                () -> Reads.train(noScore, reference, "label_column", "score"));
        assertRejected(bed, 1, "label_column: signal_value needs narrowPeak input (column 7), but the file reads as bed",
                () -> train(reference, "label_column", "signal_value"));
    }

    @Test
    void labelFilesMustShareContigsWithTheReference() throws IOException {
        Path b37 = Fixtures.text(dir, "b37.bed", "A\t1\t100", "B\t1\t100");
        assertRejected(b37, 0, "shares no contig with the reference (label file of task t): contig 'A' is not in reference",
                () -> train(reference, "labels", Map.of("t", b37.toString())));
        assertRejected(b37, 0, "shares no contig with the reference (blacklist)",
                () -> train(reference, "negatives", "shuffled", "blacklist", b37.toString()));
        Path bad = Fixtures.text(dir, "bad.bed", "chrA\t1\t100", "chrA\t200\t100");
        assertRejected(bad, 2, "end 100 is before start 200", () -> train(reference, "labels", Map.of("t", bad.toString())));
    }

    @Test
    void modelOutputsMustFitTheLabels() throws IOException {
        Path lab = Fixtures.text(dir, "lab.bed", "chrA\t1\t100");
        assertRejected(bed, 0, "the label tasks [a] differ from the model's outputs [a, b]",
                () -> Reads.predict(bed, reference, List.of("a", "b"), "labels", Map.of("a", lab.toString())));
        assertRejected(bed, 0, "positives against negatives make one output, but the model has [a, b]",
                () -> Reads.predict(bed, reference, List.of("a", "b"), "negatives", "shuffled"));
    }

    @Test
    void binaryFileGivenAsIntervals() throws IOException {
        Path plink = Files.write(dir.resolve("geno.bed"), new byte[] {0x6c, 0x1b, 0x01, 0, 0, 0});
        assertRejected(plink, 0, "is binary, not text", () -> Reads.train(plink, reference, "negatives", "shuffled"));
        Path notGzip = Files.write(dir.resolve("x.bed.gz"), "chrA\t1\t2\n".getBytes(StandardCharsets.US_ASCII));
        assertRejected(notGzip, 0, "is named .gz but is not gzip-compressed",
                () -> Reads.train(notGzip, reference, "negatives", "shuffled"));
    }
}
