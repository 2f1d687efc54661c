package org.genomod.reader.expression.internal;

import static org.genomod.reader.expression.internal.Reads.features;
import static org.genomod.reader.expression.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of small, hand-written matrices. */
class ReaderBehaviourTest {
    private static final float NAN = Float.NaN;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path labelTable() throws IOException {
        return write("labels.tsv", "sample\tclass\ns1\ttumour\ns2\tnormal\ns3\ttumour\n");
    }

    @Test
    void genesBySamplesGivesOneExamplePerColumn() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,4.5,-5e-1,6\n");
        Dataset d = Reads.train(csv, "labels_file", labelTable().toString());
        assertEquals(3, d.size());
        assertEquals(List.of(2), d.schema().featureShape());
        assertArrayEquals(new float[] {1, 4.5f}, features(d, 0));
        assertArrayEquals(new float[] {2, -0.5f}, features(d, 1));
        assertArrayEquals(new float[] {3, 6}, features(d, 2));
        assertEquals(List.of("normal", "tumour"), d.schema().outputs());
        assertArrayEquals(new float[] {0, 1}, labels(d, 0));
        assertArrayEquals(new float[] {1, 0}, labels(d, 1));
    }

    @Test
    void samplesByGenesGivesOneExamplePerRow() throws IOException {
        Path tsv = write("m.tsv", "sample\tg1\tg2\ns1\t1\t4.5\ns2\t2\t-0.5\ns3\t3\t6\n");
        Dataset d = Reads.train(tsv, "labels_file", labelTable().toString(), "orientation", "samples_by_genes");
        assertEquals(3, d.size());
        assertEquals("s2", d.id(1));
        assertArrayEquals(new float[] {2, -0.5f}, features(d, 1));
        assertEquals("samples_by_genes", d.schema().attributes().get("orientation"));
        // the same matrix both ways gives the same digest of its gene ids
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\ng2,4.5,-5e-1,6\n");
        assertEquals(Reads.train(csv, "labels_file", labelTable().toString()).schema().attributes().get("feature_digest"),
                d.schema().attributes().get("feature_digest"));
    }

    @Test
    void quotedCsvAsRWritesIt() throws IOException {
        // write.csv(m): quoted names, the corner cell ""; write.table(m, sep="\t"): no corner cell at all
        Path csv = write("r.csv", "\"\",\"s1\",\"s2\",\"s3\"\n\"g \"\"1\"\"\",1,2,3\n\"g2\",4,5,6\n");
        Dataset d = Reads.train(csv, "labels_file", labelTable().toString());
        assertArrayEquals(new float[] {1, 4}, features(d, 0));
        Path tsv = write("r.tsv", "\"s1\"\t\"s2\"\t\"s3\"\n\"g1\"\t1\t2\t3\n\"g2\"\t4\t5\t6\n");
        Dataset rStyle = Reads.train(tsv, "labels_file", labelTable().toString());
        assertEquals(List.of("s1", "s2", "s3"), List.of(rStyle.id(0), rStyle.id(1), rStyle.id(2)));
        assertArrayEquals(new float[] {3, 6}, features(rStyle, 2));
    }

    @Test
    void gctNameAndDescriptionAreNotSamples() throws IOException {
        Path gct = write("m.gct", "#1.2\n2\t3\nName\tDescription\ts1\ts2\ts3\ng1\tna\t1\t2\t3\ng2\tsome gene\t4\t5\t6\n");
        Dataset d = Reads.train(gct, "labels_file", labelTable().toString());
        assertEquals(3, d.size());
        assertArrayEquals(new float[] {2, 5}, features(d, 1));
        assertEquals("gct", d.schema().attributes().get("format"));
    }

    @Test
    void missingValuesBecomeNanOrZeroWithAnOptionalMask() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,NA,3\ng2,,5,null\ng3,NaN,8,9\n");
        Dataset nan = Reads.train(csv, "labels_file", labelTable().toString(), "missing", "nan");
        assertArrayEquals(new float[] {1, NAN, NAN}, features(nan, 0));
        assertArrayEquals(new float[] {NAN, 5, 8}, features(nan, 1));

        Dataset zero = Reads.train(csv, "labels_file", labelTable().toString(), "missing", "zero", "mask", true);
        assertEquals(List.of(3, 2), zero.schema().featureShape());
        // position-major (value, observed) pairs per gene
        assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0}, features(zero, 0));
        assertArrayEquals(new float[] {0, 0, 5, 1, 8, 1}, features(zero, 1));
        assertArrayEquals(new float[] {3, 1, 0, 0, 9, 1}, features(zero, 2));
        assertEquals(true, zero.schema().attributes().get("mask"));
        assertEquals("zero", zero.schema().attributes().get("missing"));
    }

    @Test
    void logTransformsAreApplied() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,3,7\ng2,0,1024,-0.5\n");
        Dataset log2p1 = Reads.train(csv, "labels_file", labelTable().toString(), "log_transform", "log2p1");
        assertArrayEquals(new float[] {1, 0}, features(log2p1, 0), 1e-6f);
        assertArrayEquals(new float[] {2, (float) (Math.log(1025) / Math.log(2))}, features(log2p1, 1), 1e-6f);
        assertArrayEquals(new float[] {3, -1}, features(log2p1, 2), 1e-6f);
        Dataset log2 = Reads.train(csv, "labels_file", labelTable().toString(), "log_transform", "log2", "clip_min", 1);
        assertArrayEquals(new float[] {0, 0}, features(log2, 0), 1e-6f);
        assertArrayEquals(new float[] {(float) (Math.log(3) / Math.log(2)), 10}, features(log2, 1), 1e-6f);
    }

    @Test
    void binaryTaskWithAPositiveClass() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\n");
        Dataset d = Reads.train(csv, "labels_file", labelTable().toString(), "positive", "tumour");
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("tumour"), d.schema().outputs());
        assertArrayEquals(new float[] {1}, labels(d, 0));
        assertArrayEquals(new float[] {0}, labels(d, 1));
    }

    @Test
    void labelTableMayListOtherSamplesAndNameItsColumns() throws IOException {
        Path csv = write("m.csv", "gene,s1,s3\ng1,1,3\n");
        Path table = write("t.csv", "id,batch,class\ns1,b1,x\ns2,b1,y\ns3,b2,y\n");
        Dataset d = Reads.train(csv, "labels_file", table.toString(), "label_column", "class", "group_column", "batch");
        assertEquals(2, d.size());
        assertEquals(List.of("x", "y"), d.schema().outputs());
        assertEquals("b1", d.group(0));
        assertEquals("b2", d.group(1));
    }

    @Test
    void predictionNeedsNoLabels() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2\ng1,1,2\n");
        Dataset d = Reads.predict(csv, List.of("normal", "tumour"));
        assertFalse(d.labelled());
        assertEquals(List.of("normal", "tumour"), d.schema().outputs());
        assertArrayEquals(new float[] {0, 0}, labels(d, 1));
        // a table that labels only some samples gives an unlabelled prediction set, not a partial one
        Path some = write("some.tsv", "sample\tclass\ns1\ttumour\n");
        assertFalse(Reads.predict(csv, List.of("normal", "tumour"), "labels_file", some.toString()).labelled());
    }

    @Test
    void gzipIsRecognisedByContentAndSelectionViewsWork() throws IOException {
        Path gz = dir.resolve("m.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("gene\ts1\ts2\ts3\ng1\t1\t2\t3\ng2\t4\t5\t6\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = Reads.train(gz, "labels_file", labelTable().toString());
        Dataset picked = d.select(new int[] {2, 0});
        assertEquals("s3", picked.id(0));
        assertArrayEquals(new float[] {3, 6}, features(picked, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> d.features(3, new float[2], 0));
    }

    @Test
    void numbersParseExactlyAsJavaDoes() throws IOException {
        String[] cells = {"0.1", "-2.5e-3", "123456789012345678901", "1e-30", "+7", ".5", "3.", "0.000001234", "99999.99"};
        StringBuilder csv = new StringBuilder("gene,s1,s2,s3\n");
        for (int i = 0; i < cells.length; i++) {
            csv.append('g').append(i).append(',').append(cells[i]).append(",0,0\n");
        }
        Dataset d = Reads.train(write("n.csv", csv.toString()), "labels_file", labelTable().toString());
        float[] s1 = features(d, 0);
        for (int i = 0; i < cells.length; i++) {
            assertEquals((float) Double.parseDouble(cells[i]), s1[i], cells[i]);
        }
    }

    @Test
    void cancellationStopsTheRead() throws IOException {
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\n");
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        CancellationException e = assertThrows(CancellationException.class,
                () -> Reads.read(csv, new ReadContext(false, List.of("x"), cancelled)));
        assertTrue(e.getMessage().contains("user asked"), e.getMessage());
    }

    @Test
    void inputsListTheLabelTable() throws Exception {
        ExpressionDataReader reader = new ExpressionDataReader();
        Path csv = write("m.csv", "gene,s1,s2,s3\ng1,1,2,3\n");
        Path table = labelTable();
        var parameters = reader.parameters().validate(java.util.Map.of("path", csv.toString(), "labels_file",
                table.toString()), dir);
        assertEquals(List.of(csv, table), reader.inputs(parameters));
        assertNotEquals(ExpressionDataReader.digest(List.of("a", "b")), ExpressionDataReader.digest(List.of("b", "a")));
    }
}
