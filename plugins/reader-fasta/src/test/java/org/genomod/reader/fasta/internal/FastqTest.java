package org.genomod.reader.fasta.internal;

import static org.genomod.reader.fasta.internal.Reads.labels;
import static org.genomod.reader.fasta.internal.Reads.position;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FASTQ records read like FASTA ones; qualities are checked but not encoded. */
class FastqTest {
    private static final String READS = "@r1 bound\nACGT\n+\nIIII\n@r2 free\nTTGA\n+r2\n#5?I\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static InputFormatException rejected(Path file, long line, String problem) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(file, "format", "fastq"));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return e;
    }

    @Test
    void recordsAreReadWithHeaderLabels() throws IOException {
        Dataset data = Reads.train(write("reads.fq", READS), "positive", "bound");
        assertEquals("fastq", data.schema().attributes().get("format"));
        assertEquals(List.of("r1", "r2"), List.of(data.id(0), data.id(1)));
        assertEquals(TaskType.BINARY, data.schema().task());
        assertArrayEquals(new float[] {1}, labels(data, 0));
        assertArrayEquals(new float[] {0}, labels(data, 1));
        assertEquals(List.of(4, 4), data.schema().featureShape());
        assertArrayEquals(new float[] {0, 0, 0, 1}, position(data, 1, 0));
        assertArrayEquals(new float[] {1, 0, 0, 0}, position(data, 1, 3));
    }

    @Test
    void gzippedFastqAndClassTokens() throws IOException {
        Path gz = dir.resolve("reads.fastq.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("@a;x class:1\nACGT\n+\nIIII\n@b class:0\nACGA\n+\nIIII\n".getBytes(StandardCharsets.US_ASCII));
        }
        Dataset data = Reads.train(gz, "task", "binary");
        assertEquals(List.of("1"), data.schema().outputs());
        assertArrayEquals(new float[] {1}, labels(data, 0));
        assertArrayEquals(new float[] {0}, labels(data, 1));
        assertEquals("a;x", data.id(0));
    }

    @Test
    void qualityLengthMustEqualSequenceLength() throws IOException {
        rejected(write("short.fq", "@r1 a\nACGT\n+\nIII\n"), 4, "record 'r1' has 3 quality values for 4 bases");
    }

    @Test
    void truncatedRecords() throws IOException {
        rejected(write("cut1.fq", READS + "@r3 a\nACGT\n"), 9, "record 'r3' is truncated: the file ends before its '+' separator line");
        rejected(write("cut2.fq", READS + "@r3 a\nACGT\n+\n"), 9, "record 'r3' is truncated: the file ends before its quality line");
        rejected(write("cut3.fq", "@r3 a\n"), 1, "record 'r3' is truncated: the file ends before its sequence line");
    }

    @Test
    void separatorLineIsRequired() throws IOException {
        rejected(write("wrapped.fq", "@r1 a\nACGT\nACGT\n+\nIIIIIIII\n"), 3,
                "record 'r1': expected the '+' separator line after the sequence, found 'ACGT' (FASTQ sequences must be on one line)");
        rejected(write("othername.fq", "@r1 a\nACGT\n+r9\nIIII\n"), 3, "record 'r1': the '+' line names 'r9', not the record's own name");
    }

    @Test
    void headerAndQualityCharacters() throws IOException {
        rejected(write("noat.fq", "r1 a\nACGT\n+\nIIII\n"), 1, "expected a FASTQ '@' header line, found 'r1 a'");
        rejected(write("next.fq", READS + "r3\nACGT\n+\nIIII\n"), 9, "expected the next FASTQ record's '@' header line, found 'r3'");
        rejected(write("space.fq", "@r1 a\nACGT\n+\nII I\n"), 4, "record 'r1': quality character U+0020 at position 3 is outside Phred+33");
        rejected(write("noname.fq", "@\nACGT\n+\nIIII\n"), 1, "FASTQ header has no read name");
        rejected(write("noseq.fq", "@r1 a\n+\nIIII\n"), 2, "record 'r1' has no sequence");
    }

    @Test
    void wrongAlphabetAndEmpty() throws IOException {
        rejected(write("rna.fq", "@r1 a\nACGU\n+\nIIII\n"), 2, "record 'r1': invalid character 'U' at position 4");
        rejected(write("empty.fq", "\n\n"), 0, "is empty");
    }

    @Test
    void formatIsDetectedFromTheAtSign() throws IOException {
        Path named = write("reads.txt", READS);
        assertEquals("fastq", Reads.train(named, "positive", "bound").schema().attributes().get("format"));
        Path forced = write("reads.fa", READS);
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(forced, "format", "fasta"));
        assertTrue(e.getMessage().contains("starts with '@', not '>': this looks like FASTQ"), e.getMessage());
    }
}
