package org.genomod.reader.intervals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of BED, narrowPeak and interval lists; every malformed line is named with its number. */
class IntervalParserTest {
    @TempDir
    Path dir;

    /** Each record as {@code line:contig:start-end:strand:name:score:signal:summit}. */
    private static List<String> parse(Path file, IntervalFormat format) throws IOException {
        List<String> out = new ArrayList<>();
        try (IntervalParser parser = IntervalParser.open(file, format)) {
            IntervalRecord r = new IntervalRecord();
            while (parser.next(r)) {
                out.add(r.line + ":" + r.contig + ":" + r.start + "-" + r.end + ":" + r.strand + ":" + r.name + ":"
                        + r.score + ":" + r.signal + ":" + r.summit);
            }
        }
        return out;
    }

    private static IntervalFormat formatOf(Path file) throws IOException {
        try (IntervalParser parser = IntervalParser.open(file, null)) {
            parser.next(new IntervalRecord());
            return parser.format();
        }
    }

    private static void assertRejected(Path file, long line, String problem) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> parse(file, null));
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line + ": " : ": ")), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void headerTrackBrowserCommentAndBlankLinesAreSkipped() throws IOException {
        Path bed = Fixtures.text(dir, "a.bed", "browser position chr1:1-100", "track name=peaks", "# a comment", "",
                "chr1\t10\t20", "  ", "chr1\t30\t45\r", "trackless\t5\t6");
        assertEquals(List.of("5:chr1:10-20:.:null:NaN:NaN:-1", "7:chr1:30-45:.:null:NaN:NaN:-1",
                "8:trackless:5-6:.:null:NaN:NaN:-1"), parse(bed, null));
        assertEquals(IntervalFormat.BED, formatOf(bed));
    }

    @Test
    void bed6ColumnsAreRead() throws IOException {
        Path bed = Fixtures.text(dir, "b.bed", "chr2\t0\t100\tpeak1\t500\t-", "chr2\t100\t100\t.\t.\t.",
                "chr2\t5\t9\tp3\t2.5e1\t+");
        assertEquals(List.of("1:chr2:0-100:-:peak1:500.0:NaN:-1", "2:chr2:100-100:.:null:NaN:NaN:-1",
                "3:chr2:5-9:+:p3:25.0:NaN:-1"), parse(bed, null));
    }

    @Test
    void spaceSeparatedBedIsRead() throws IOException {
        Path bed = Fixtures.text(dir, "s.bed", "chr1 10  20 name", "chr1 30 40 other");
        assertEquals(List.of("1:chr1:10-20:.:name:NaN:NaN:-1", "2:chr1:30-40:.:other:NaN:NaN:-1"), parse(bed, null));
    }

    @Test
    void narrowPeakIsRecognisedByNameAndByContent() throws IOException {
        String line = "chr1\t100\t300\t.\t0\t.\t12.5\t-1\t3.1\t42";
        Path named = Fixtures.text(dir, "x.narrowPeak", line);
        Path asBed = Fixtures.text(dir, "encode.bed", line); // ENCODE ships narrowPeak as .bed.gz
        assertEquals(List.of("1:chr1:100-300:.:null:0.0:12.5:42"), parse(named, null));
        assertEquals(IntervalFormat.NARROWPEAK, formatOf(named));
        assertEquals(IntervalFormat.NARROWPEAK, formatOf(asBed));
        Path noSummit = Fixtures.text(dir, "n.narrowPeak", "chr1\t100\t300\tp\t0\t+\t1\t2\t3\t-1");
        assertEquals(List.of("1:chr1:100-300:+:p:0.0:1.0:-1"), parse(noSummit, null));
        // A BED10 whose ninth column is an itemRgb triple is not narrowPeak.
        Path bed10 = Fixtures.text(dir, "c.bed", "chr1\t1\t5\tn\t0\t+\t1\t5\t255,0,0\t1");
        assertEquals(IntervalFormat.BED, formatOf(bed10));
    }

    @Test
    void intervalListIsConvertedToZeroBasedCoordinates() throws IOException {
        Path list = Fixtures.text(dir, "t.interval_list", "@HD\tVN:1.6", "@SQ\tSN:chr1\tLN:1000", "@SQ\tSN:chr2\tLN:500",
                "chr1\t1\t10\t+\tfirst", "chr2\t500\t500\t-\tlast");
        assertEquals(List.of("4:chr1:0-10:+:first:NaN:NaN:-1", "5:chr2:499-500:-:last:NaN:NaN:-1"), parse(list, null));
        try (IntervalParser parser = IntervalParser.open(list, null)) {
            parser.next(new IntervalRecord());
            assertEquals(2, parser.dictionary().size());
        }
    }

    @Test
    void gzipAndBgzipFilesAreReadByContent() throws IOException {
        Path gz = dir.resolve("g.bed.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("chr1\t1\t2\nchr1\t3\t4\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(2, parse(gz, null).size());
        Path misnamed = dir.resolve("plain.bed");
        Files.copy(gz, misnamed);
        assertEquals(2, parse(misnamed, null).size());
    }

    @Test
    void raggedRows() throws IOException {
        Path bed = Fixtures.text(dir, "r.bed", "#h", "chr1\t1\t2\ta\t0\t+", "chr1\t3\t4\tb\t0\t+", "chr1\t5\t6\tc");
        assertRejected(bed, 4, "has 4 columns, but line 2 (the first interval) has 6");
    }

    @Test
    void endBeforeStart() throws IOException {
        assertRejected(Fixtures.text(dir, "e.bed", "chr1\t10\t5"), 1, "end 5 is before start 10");
    }

    @Test
    void negativeCoordinates() throws IOException {
        assertRejected(Fixtures.text(dir, "n.bed", "chr1\t0\t5", "chr1\t-5\t10"), 2,
                "column 2 (start) is -5; coordinates cannot be negative");
    }

    @Test
    void nonIntegerCoordinates() throws IOException {
        assertRejected(Fixtures.text(dir, "f.bed", "chr1\t1\t10.5"), 1, "column 3 (end) is '10.5', which is not an integer");
        assertRejected(Fixtures.text(dir, "x.bed", "chr1\t1e3\t2000"), 1, "column 2 (start) is '1e3', which is not an integer");
        assertRejected(Fixtures.text(dir, "h.bed", "chrom\tstart\tend", "chr1\t1\t2"), 1,
                "column 2 (start) is 'start', which is not an integer");
        assertRejected(Fixtures.text(dir, "big.bed", "chr1\t1\t3000000000"), 1, "beyond the largest supported coordinate");
    }

    @Test
    void tooFewColumnsAndEmptyChrom() throws IOException {
        assertRejected(Fixtures.text(dir, "t.bed", "chr1\t100"), 1, "has 2 columns but bed lines have at least 3");
        assertRejected(Fixtures.text(dir, "c.bed", "\t1\t2"), 1, "column 1 is empty (two tabs in a row");
        assertRejected(Fixtures.text(dir, "d.bed", "chr1\t5\t\t10"), 1, "column 3 is empty (two tabs in a row");
    }

    @Test
    void badStrandAndScore() throws IOException {
        assertRejected(Fixtures.text(dir, "s.bed", "chr1\t1\t2\tn\t0\t*"), 1, "column 6 (strand) is '*'; expected +, - or .");
        assertRejected(Fixtures.text(dir, "sc.bed", "chr1\t1\t2\tn\thigh\t+"), 1, "column 5 (score) is 'high', which is not a number");
    }

    @Test
    void malformedNarrowPeak() throws IOException {
        assertRejected(Fixtures.text(dir, "a.narrowPeak", "chr1\t100\t200\t.\t0\t.\t1\t2\t3"), 1,
                "has 9 columns but narrowpeak lines have 10");
        assertRejected(Fixtures.text(dir, "b.narrowPeak", "chr1\t100\t200\t.\t0\t.\t1\t2\t3\t100"), 1,
                "column 10 (peak) is 100, but the summit offset must be -1 (none) or lie inside the interval's 100 bases");
        assertRejected(Fixtures.text(dir, "c.narrowPeak", "chr1\t100\t200\t.\t0\t.\tNA\t2\t3\t10"), 1,
                "column 7 (signalValue) is 'NA', which is not a number");
    }

    @Test
    void malformedIntervalLists() throws IOException {
        assertRejected(Fixtures.text(dir, "a.interval_list", "chr1\t1\t10\t+\tx"), 0,
                "is an interval list without a SAM header");
        String sq = "@SQ\tSN:chr1\tLN:100";
        assertRejected(Fixtures.text(dir, "b.interval_list", sq, "chr1\t0\t10\t+\tx"), 2,
                "column 2 (start) is 0; coordinates start at 1 in this format");
        assertRejected(Fixtures.text(dir, "c.interval_list", sq, "chr1\t1\t10\t.\tx"), 2, "interval lists need + or -");
        assertRejected(Fixtures.text(dir, "d.interval_list", sq, "chr1\t1\t101\t+\tx"), 2,
                "end 101 lies beyond the end of chr1 (length 100 in the header)");
        assertRejected(Fixtures.text(dir, "e.interval_list", sq, "chr2\t1\t10\t+\tx"), 2, "contig 'chr2' is not among the header's @SQ lines");
        assertRejected(Fixtures.text(dir, "f.interval_list", "@SQ\tSN:chr1\tLN:abc", "chr1\t1\t10\t+\tx"), 0, "malformed SAM header");
    }

    @Test
    void gzNameWithoutGzipContent() throws IOException {
        assertRejected(Fixtures.text(dir, "fake.bed.gz", "chr1\t1\t2"), 0, "is named .gz but is not gzip-compressed");
    }

    @Test
    void truncatedGzip() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            many.append("chr1\t").append(i * 10).append('\t').append(i * 10 + 5).append('\n');
        }
        Path full = dir.resolve("full.bed.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(many.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.bed.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(cut, 0, "gzip data is corrupt or truncated");
    }

    @Test
    void binaryContent() throws IOException {
        // A PLINK .bed starts with 0x6c 0x1b 0x01 and holds genotype bytes.
        Path plink = Files.write(dir.resolve("geno.bed"), new byte[] {0x6c, 0x1b, 0x01, 0, 0x55, (byte) 0xff, 0x0a});
        assertRejected(plink, 0, "is binary, not text (byte 2 is 0x1B)");
    }

    @Test
    void emptyFileHasNoRecords() throws IOException {
        assertEquals(List.of(), parse(Fixtures.text(dir, "empty.bed"), null));
        assertEquals(List.of(), parse(Fixtures.text(dir, "headers.bed", "track name=x", "# nothing"), null));
    }

    @Test
    void dotNameIsNoName() throws IOException {
        Path bed = Fixtures.text(dir, "d.bed", "chr1\t1\t2\t.");
        IntervalRecord r = new IntervalRecord();
        try (IntervalParser parser = IntervalParser.open(bed, null)) {
            assertTrue(parser.next(r));
            assertNull(r.name);
            assertEquals("chr1:2-2", r.region());
        }
    }
}
