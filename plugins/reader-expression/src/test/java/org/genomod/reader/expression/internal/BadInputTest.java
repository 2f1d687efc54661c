package org.genomod.reader.expression.internal;

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
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed input gives one InputFormatException naming the file, the line and the problem,
 * from the reader and, where the file is its format's, from the inspector as well.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path labels() throws IOException {
        return write("labels.tsv", "sample\tclass\ns1\ta\ns2\tb\ns3\ta\n");
    }

    /** Asserts the message reads {@code <file>:<line>: ...problem...} (or {@code <file>: ...} for line 0). */
    private static InputFormatException assertRejected(Path file, long line, String problem, Executable read) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(where), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e;
    }

    /** The reader (training, with labels) and the inspector both reject the file the same way. */
    private void assertBothReject(Path file, long line, String problem) throws IOException {
        Path table = labels();
        assertRejected(file, line, problem, () -> Reads.train(file, "labels_file", table.toString()));
        assertRejected(file, line, problem, () -> new ExpressionInspector().inspect(file, null, Cancellation.NEVER));
    }

    @Test
    void duplicateGeneIdNamesBothLines() throws IOException {
        assertBothReject(write("dup.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1,2,3\ng1,4,5,6\n"), 4,
                "id 'g1' (first on line 2)");
    }

    @Test
    void duplicateSampleIdNamesBothColumns() throws IOException {
        Path file = write("dup.tsv", "gene\ts1\ts2\ts1\ng1\t1\t2\t3\n");
        assertRejected(file, 1, "duplicate sample id 's1' in fields 2 and 4",
                () -> Reads.train(file, "labels_file", labels().toString()));
        assertRejected(file, 1, "duplicate column id 's1' in fields 2 and 4",
                () -> new ExpressionInspector().inspect(file, null, Cancellation.NEVER));
        Path transposed = write("dup-rows.tsv", "sample\tg1\ns1\t1\ns2\t2\ns1\t3\n");
        assertRejected(transposed, 4, "duplicate sample id 's1' (first on line 2)",
                () -> Reads.train(transposed, "labels_file", labels().toString(), "orientation", "samples_by_genes"));
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        assertBothReject(write("ragged.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1,2\n"), 3,
                "has 3 fields, expected 4 as in the header (line 1)");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        Path file = write("text.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1,abc,3\n");
        assertBothReject(file, 3, "column 's2' (field 3): 'abc' is not a number");
        for (String cell : List.of("1f", "0x10", "Infinity", "1e", "--1", "1.2.3", "1e999")) {
            Path odd = write("odd.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1," + cell + ",3\n");
            assertRejected(odd, 3, "'" + cell + "' is not a number", () -> Reads.train(odd, "labels_file", labels().toString()));
        }
    }

    @Test
    void missingValuesAreAnErrorUnlessAccepted() throws IOException {
        Path file = write("na.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1,NA,3\n");
        assertRejected(file, 3, "column 's2' (field 3) has the missing value 'NA'; set missing: nan or zero",
                () -> Reads.train(file, "labels_file", labels().toString()));
    }

    @Test
    void logOfANonPositiveValue() throws IOException {
        Path file = write("neg.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,1,-214,3\n");
        assertRejected(file, 3, "value -214 is outside the domain of log2 (values > 0); set clip_min",
                () -> Reads.train(file, "labels_file", labels().toString(), "log_transform", "log2"));
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        Path empty = write("empty.csv", "");
        assertRejected(empty, 0, "is empty", () -> Reads.train(empty, "labels_file", labels().toString()));
        Path blank = write("blank.tsv", "\n \n");
        assertRejected(blank, 0, "is empty", () -> Reads.train(blank, "labels_file", labels().toString()));
        assertBothReject(write("header.csv", "gene,s1,s2,s3\n"), 1, "has a header but no data rows");
        assertBothReject(write("ids.csv", "gene\ng1\n"), 1, "has no value columns besides the id column 'gene'");
    }

    @Test
    void gzNameWithoutGzipAndBrokenGzip() throws IOException {
        Path fake = write("m.csv.gz", "gene,s1,s2,s3\ng1,1,2,3\n");
        assertRejected(fake, 0, "is named .gz but is not gzip-compressed",
                () -> Reads.train(fake, "labels_file", labels().toString()));
        Path gz = dir.resolve("cut.csv.gz");
        byte[] whole;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            StringBuilder text = new StringBuilder("gene,s1,s2,s3\n");
            for (int i = 0; i < 20_000; i++) {
                text.append('g').append(i).append(",1,2,3\n");
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.close();
            whole = bytes.toByteArray();
        }
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        assertRejected(gz, 0, "gzip data is corrupt or truncated", () -> Reads.train(gz, "labels_file", labels().toString()));
        assertRejected(gz, 0, "gzip data is corrupt or truncated",
                () -> new ExpressionInspector().inspect(gz, null, Cancellation.NEVER));
    }

    @Test
    void unclosedQuote() throws IOException {
        assertBothReject(write("quote.csv", "gene,s1,s2,s3\n\"g1,1,2,3\n"), 2, "has a quoted field that is not closed");
    }

    @Test
    void gctBookkeeping() throws IOException {
        assertBothReject(write("v.gct", "#1.3\n1\t1\nName\tDescription\ts1\ng1\tx\t1\n"), 1,
                "GCT must begin with '#1.2', found '#1.3' (GCT 1.3 is not supported)");
        assertBothReject(write("d.gct", "#1.2\n1 rows\nName\tDescription\ts1\ng1\tx\t1\n"), 2,
                "GCT dimensions line must be 'rows<TAB>columns'");
        assertBothReject(write("c.gct", "#1.2\n1\t2\nName\tDescription\ts1\ts2\ts3\ng1\tx\t1\t2\t3\n"), 3,
                "names 3 sample columns, but line 2 declares 2");
        assertBothReject(write("r.gct", "#1.2\n3\t3\nName\tDescription\ts1\ts2\ts3\ng1\tx\t1\t2\t3\n"), 0,
                "has 1 data rows, but line 2 declares 3");
        assertBothReject(write("h.gct", "#1.2\n1\t3\nProbe\tDescription\ts1\ts2\ts3\ng1\tx\t1\t2\t3\n"), 3,
                "GCT header must begin with the columns Name and Description");
    }

    @Test
    void softBookkeeping() throws IOException {
        String head = "^DATASET = GDS1\n!dataset_feature_count = 2\n^SUBSET = GDS1_1\n!subset_description = a\n"
                + "!subset_sample_id = GSM1,GSM2\n!subset_type = disease state\n!dataset_table_begin\n"
                + "ID_REF\tIDENTIFIER\tGSM1\tGSM2\tGSM3\n";
        Path truncated = write("t.soft", head + "p1\tA\t1\t2\t3\np2\tB\t1\t2\t3\n");
        assertBothReject(truncated, 0, "ends after line 10 without !dataset_table_end: the file is truncated");
        Path series = write("s.soft", "^SERIES = GSE1\n!Series_title = x\n");
        assertBothReject(series, 1, "is a GEO series SOFT file; this reader reads dataset (GDS) SOFT files");
        Path noTable = write("n.soft", "^DATASET = GDS1\n!dataset_title = x\n");
        assertBothReject(noTable, 0, "has no !dataset_table_begin line");
        Path complete = write("c.soft", head + "p1\tA\t1\t2\t3\np2\tB\t1\t2\t3\n!dataset_table_end\n");
        assertRejected(complete, 0, "has no subset of type 'tissue' (types: disease state)",
                () -> Reads.train(complete, "label_subset_type", "tissue"));
        // GSM3 is in no 'disease state' subset: training needs every sample labelled
        assertRejected(complete, 0, "sample 'GSM3' is in no subset of type 'disease state'; 1 of 3 samples have no label",
                () -> Reads.train(complete, "label_subset_type", "disease state"));
        Path twice = write("twice.soft", head.replace("!dataset_table_begin", "^SUBSET = GDS1_2\n!subset_description = b\n"
                + "!subset_sample_id = GSM2\n!subset_type = disease state\n!dataset_table_begin")
                + "p1\tA\t1\t2\t3\n!dataset_table_end\n");
        assertRejected(twice, 7, "sample GSM2 is in two subsets of type 'disease state': GDS1_1 (line 3) and GDS1_2",
                () -> Reads.train(twice, "label_subset_type", "disease state"));
    }

    @Test
    void labelProblems() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\n");
        assertRejected(csv, 0, "training needs sample labels: give labels_file", () -> Reads.train(csv));
        Path partial = write("partial.tsv", "sample\tclass\ns1\ta\ns2\tNA\n");
        assertRejected(csv, 0, "sample 's2' is not labelled in " + partial + "; 2 of 3 samples have no label",
                () -> Reads.train(csv, "labels_file", partial.toString()));
        Path dup = write("dup-labels.tsv", "sample\tclass\ns1\ta\ns1\tb\n");
        assertRejected(dup, 3, "duplicate sample id 's1' (first on line 2)", () -> Reads.train(csv, "labels_file", dup.toString()));
        Path ragged = write("ragged-labels.csv", "sample,class\ns1,a,extra\n");
        assertRejected(ragged, 2, "has 3 fields, expected 2", () -> Reads.train(csv, "labels_file", ragged.toString()));
        Path table = labels();
        assertRejected(table, 1, "label_column 'disease' is not one of its columns: sample, class",
                () -> Reads.train(csv, "labels_file", table.toString(), "label_column", "disease"));
        assertRejected(table, 0, "the positive class 'c' is not among the labels [a, b]",
                () -> Reads.train(csv, "labels_file", table.toString(), "positive", "c"));
    }

    @Test
    void parameterCombinationsThatCannotWork() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\n");
        Path table = labels();
        assertRejected(csv, 1, "has no id column 'probe' (columns: gene, s1, s2, s3)",
                () -> Reads.train(csv, "labels_file", table.toString(), "id_column", "probe"));
        assertRejected(csv, 1, "ignore_columns names 'call', which is not a column",
                () -> Reads.train(csv, "labels_file", table.toString(), "ignore_columns", List.of("call")));
        assertRejected(csv, 0, "label_subset_type needs a GEO SOFT file, but this is csv",
                () -> Reads.train(csv, "label_subset_type", "disease state"));
        assertRejected(csv, 0, "clip_min 5.0 is greater than clip_max 1.0",
                () -> Reads.train(csv, "labels_file", table.toString(), "clip_min", 5, "clip_max", 1));
        assertRejected(csv, 0, "group_column names a column of labels_file, which is not given",
                () -> Reads.train(csv, "group_column", "batch"));
        Path gct = write("m.gct", "#1.2\n1\t3\nName\tDescription\ts1\ts2\ts3\ng1\tx\t1\t2\t3\n");
        assertRejected(gct, 0, "orientation samples_by_genes applies to CSV and TSV",
                () -> Reads.train(gct, "labels_file", table.toString(), "orientation", "samples_by_genes"));
        Path odd = write("m.dat", "just some words\n");
        assertRejected(odd, 1, "cannot tell the format", () -> Reads.train(odd, "labels_file", table.toString()));
    }
}
