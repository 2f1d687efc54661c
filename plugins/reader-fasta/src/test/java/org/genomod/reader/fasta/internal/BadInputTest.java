package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input gives one InputFormatException naming the file, the line and the problem. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path gzip(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    /** Asserts the message reads {@code <file>:<line>: ...problem...} (or {@code <file>: ...} for line 0). */
    private static InputFormatException assertRejected(Path file, long line, String problem, Executable read) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = write("empty.fa", "");
        assertRejected(empty, 0, "is empty", () -> Reads.train(empty));
        Path blank = write("blank.fa", "\n  \n\t\n");
        assertRejected(blank, 0, "is empty", () -> Reads.train(blank, "format", "fasta"));
        Path uci = write("blank.data", "\n");
        assertRejected(uci, 0, "is empty", () -> Reads.train(uci, "format", "uci"));
    }

    @Test
    void wrongAlphabet() throws IOException {
        Path rna = write("rna.fa", ">s1 a\nACGTAC\nGGUA\n");
        assertRejected(rna, 3, "record 's1': invalid character 'U' at position 9", () -> Reads.train(rna));
        Path dna = write("dna.fa", ">s1 a\nACGUA\n>s2 b\nACGTA\n");
        assertRejected(dna, 4, "record 's2': invalid character 'T' at position 4", () -> Reads.train(dna, "alphabet", "rna"));
    }

    @Test
    void characterOutsideEveryAlphabet() throws IOException {
        Path uci = write("x.data", "EI, r1, ACGTA\nIE, r2, ACXTA\n");
        assertRejected(uci, 2, "record 'r2': invalid character 'X' at position 3", () -> Reads.train(uci));
        Path tsv = write("gap.tsv", "id\tsequence\tlabel\nr1\tAC-TA\t1\n");
        assertRejected(tsv, 2, "record 'r1': invalid character '-' at position 3", () -> Reads.train(tsv));
    }

    @Test
    void raggedLengthsWithoutAFixedLength() throws IOException {
        Path fasta = write("ragged.fa", ">a x\nACGT\n\n>b y\nACGTA\n");
        assertRejected(fasta, 4, "record 'b' has 5 bases, but the first record (line 1) has 4", () -> Reads.train(fasta));
    }

    @Test
    void missingLabel() throws IOException {
        Path fasta = write("nolabel.fa", ">a pos\nACGT\n>b\nACGT\n");
        assertRejected(fasta, 3, "record 'b' has no label", () -> Reads.train(fasta));
        Path tsv = write("nolabel.tsv", "id\tsequence\tlabel\na\tACGT\t1\nb\tACGT\t\n");
        assertRejected(tsv, 3, "record 'b' has no label", () -> Reads.train(tsv));
        Path uci = write("nolabel.data", "EI, a, ACGT\n , b, ACGT\n");
        assertRejected(uci, 2, "record 'b' has no label", () -> Reads.train(uci));
    }

    @Test
    void labelsOnlyOnSomeRecordsEvenForPrediction() throws IOException {
        Path fasta = write("partial.fa", ">a\nACGT\n>b pos\nACGT\n");
        assertRejected(fasta, 1, "record 'a' has no label", () -> Reads.predict(fasta, List.of("pos")));
    }

    @Test
    void missingFromTheLabelsFile() throws IOException {
        Path fasta = write("t.fa", ">a\nACGT\n>b\nACGT\n");
        Path table = write("t.tsv", "a\tpos\n");
        assertRejected(fasta, 3, "record 'b' has no label (it is not listed in " + table,
                () -> Reads.train(fasta, "labels_file", table.toString()));
    }

    @Test
    void duplicateIds() throws IOException {
        Path fasta = write("dup.fa", ">a x\nACGT\n>b x\nACGT\n>a x\nTTTT\n");
        assertRejected(fasta, 5, "duplicate id 'a' (first used on line 1)", () -> Reads.train(fasta));
        Path table = write("dup.tsv", "a\tx\nb\ty\na\tz\n");
        Path ok = write("ok.fa", ">a\nACGT\n");
        assertRejected(table, 3, "duplicate id 'a' (first used on line 1)",
                () -> Reads.train(ok, "labels_file", table.toString()));
    }

    @Test
    void gzNameWithoutGzipContent() throws IOException {
        Path fake = write("reads.fa.gz", ">a x\nACGT\n");
        assertRejected(fake, 0, "is named .gz but is not gzip-compressed", () -> Reads.train(fake));
    }

    @Test
    void truncatedGzip() throws IOException {
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            fasta.append(">r").append(i).append(" x\nACGTACGTTGCAACGTAGCTAGCTAGGATCGATCGA\n");
        }
        Path whole = gzip("whole.fa.gz", fasta.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.fa.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(cut, 0, "gzip data is corrupt or truncated after line ", () -> Reads.train(cut, "format", "fasta"));
    }

    @Test
    void headerOnlyTsv() throws IOException {
        Path tsv = write("header.tsv", "FoldID\tEventID\tseq\tBound\n");
        assertRejected(tsv, 1, "has a header line but no records", () -> Reads.train(tsv));
    }

    @Test
    void tsvWithoutKnownColumns() throws IOException {
        Path tsv = write("cols.tsv", "name\tbases\n" + "a\tACGT\n");
        assertRejected(tsv, 1, "the TSV header must name the columns id, sequence and label", () -> Reads.train(tsv));
    }

    @Test
    void tsvRowWithTheWrongNumberOfFields() throws IOException {
        Path tsv = write("fields.tsv", "id\tsequence\tlabel\na\tACGT\t1\nb\tACGT\n");
        assertRejected(tsv, 3, "has 2 tab-separated fields, but the header (line 1) has 3", () -> Reads.train(tsv));
    }

    @Test
    void uciLineWithTheWrongNumberOfFields() throws IOException {
        Path uci = write("fields.data", "EI, a, ACGT\nIE, b, extra, ACGT\n");
        assertRejected(uci, 2, "has 4 comma-separated fields, expected 3: class, id, sequence", () -> Reads.train(uci));
    }

    @Test
    void fastaStructure() throws IOException {
        Path headless = write("headless.fa", "ACGT\n>a x\nACGT\n");
        assertRejected(headless, 1, "sequence data before the first '>' header line",
                () -> Reads.train(headless, "format", "fasta"));
        Path noSequence = write("nosequence.fa", ">a x\n>b x\nACGT\n");
        assertRejected(noSequence, 1, "record 'a' has no sequence", () -> Reads.train(noSequence));
        Path noName = write("noname.fa", ">a x\nACGT\n>  \nACGT\n");
        assertRejected(noName, 3, "FASTA header has no sequence name", () -> Reads.train(noName));
    }

    @Test
    void unrecognisedFormat() throws IOException {
        Path text = write("notes.txt", "\nthese are notes\n");
        assertRejected(text, 2, "cannot tell the format", () -> Reads.train(text));
    }

    @Test
    void labelOutsideTheModelsOutputs() throws IOException {
        Path fasta = write("outputs.fa", ">a EI\nACGT\n>b IE\nACGT\n>c XX\nACGT\n");
        assertRejected(fasta, 5, "label 'XX' is not one of the model's outputs [EI, IE, N]",
                () -> Reads.predict(fasta, List.of("EI", "IE", "N")));
    }

    @Test
    void positiveClassNotAmongTheLabels() throws IOException {
        Path fasta = write("positive.fa", ">a yes\nACGT\n>b no\nACGT\n");
        assertRejected(fasta, 0, "the positive class 'Yes' is not among the labels [no, yes]",
                () -> Reads.train(fasta, "positive", "Yes"));
        assertRejected(fasta, 0, "task binary needs the parameter positive",
                () -> Reads.train(fasta, "task", "binary"));
    }

    @Test
    void inconsistentLabelParameters() throws IOException {
        Path fasta = write("p.fa", ">a yes\nACGT\n");
        Path table = write("p.tsv", "a\tyes\n");
        assertRejected(fasta, 0, "labels: none leaves the records unlabelled, but training needs labels",
                () -> Reads.train(fasta, "labels", "none"));
        assertRejected(fasta, 0, "labels: table needs the parameter labels_file",
                () -> Reads.train(fasta, "labels", "table"));
        assertRejected(fasta, 0, "labels_file is given but labels is 'header'",
                () -> Reads.train(fasta, "labels", "header", "labels_file", table.toString()));
    }
}
