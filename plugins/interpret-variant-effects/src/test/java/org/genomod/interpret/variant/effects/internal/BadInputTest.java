package org.genomod.interpret.variant.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the scorer refuses, each with one sentence naming the file, the line and the problem; nothing is left behind. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void malformedRecordNamesItsLineAndLeavesNoOutput() throws IOException {
        Path vcf = Fixtures.vcf(dir, "bad.vcf", List.of("1 30 a " + Fixtures.chr1(30, 30) + " " + (Fixtures.chr1(30, 30).equals("C") ? "G" : "C") + " . . .", "1 x0 b A C . . ."));
        Path out = dir.resolve("out.tsv");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Scoring.score(new WindowModel(11, TaskType.MULTILABEL), vcf,
                        Fixtures.reference(dir), out, 4));
        assertEquals(vcf, e.file());
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("x0"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".out") || p.equals(out)).toList());
        }
    }

    @Test
    void notAVcf() throws IOException {
        Path vcf = dir.resolve("x.vcf");
        Files.writeString(vcf, ">chr1\nACGT\n");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Scoring.score(new WindowModel(11, TaskType.MULTILABEL), vcf, Fixtures.reference(dir), dir.resolve("o.tsv"), 4));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not a VCF"), e.getMessage());
    }

    @Test
    void modelsOfOtherEncodingsAreRefused() throws IOException {
        Path vcf = Fixtures.vcf(dir, "ok.vcf", List.of());
        DatasetSchema refAlt = new DatasetSchema(List.of(11, 8), "dna-one-hot-ref-alt", TaskType.BINARY, List.of("x"), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(new WindowModel(refAlt), vcf, Fixtures.reference(dir), dir.resolve("o.tsv"), 4));
        assertTrue(e.getMessage().contains("dna-one-hot-ref-alt") && e.getMessage().contains("[11, 8]"), e.getMessage());
        DatasetSchema protein = new DatasetSchema(List.of(11, 4), "dna-one-hot", TaskType.BINARY, List.of("x"), Map.of("alphabet", "rna"));
        assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(new WindowModel(protein), vcf, Fixtures.reference(dir), dir.resolve("o.tsv"), 4));
    }

    @Test
    void outputNameMustSayTheFormat() throws IOException {
        Path vcf = Fixtures.vcf(dir, "ok.vcf", List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(new WindowModel(11, TaskType.MULTILABEL), vcf, Fixtures.reference(dir), dir.resolve("o.txt"), 4));
        assertTrue(e.getMessage().contains(".tsv") && e.getMessage().contains(".vcf.gz"), e.getMessage());
    }

    @Test
    void plainGzipReferenceCannotBeReadByPosition() throws IOException {
        Path vcf = Fixtures.vcf(dir, "ok.vcf", List.of());
        Path gz = dir.resolve("ref.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.reference(dir)));
        }
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Scoring.score(new WindowModel(11, TaskType.MULTILABEL), vcf, gz, dir.resolve("o.tsv"), 4));
        assertEquals(gz, e.file());
        assertTrue(e.getMessage().contains("bgzip"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("o.tsv")));
    }
}
