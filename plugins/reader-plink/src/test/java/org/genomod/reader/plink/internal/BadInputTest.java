package org.genomod.reader.plink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed trio gives one InputFormatException naming the file, the line (or SNP) and the
 * problem, from the reader and, for .bed problems, from the inspector as well.
 */
class BadInputTest {
    @TempDir
    Path dir;

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

    private static void assertBothReject(Path bed, long line, String problem) {
        assertRejected(bed, line, problem, () -> Reads.train(bed));
        assertRejected(bed, line, problem, () -> new PlinkInspector().inspect(bed, null, Cancellation.NEVER));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }

    @Test
    void truncatedBedNamesTheSizes() throws IOException {
        Path bed = Trio.write(dir, "t", Trio.bed(Trio.RS1, Trio.RS2, new byte[] {1}), Trio.BIM, Trio.FAM);
        assertBothReject(bed, 0, "has 8 bytes, but 5 samples (.fam) and 3 SNPs (.bim) need 3 + 2 x 3 = 9: "
                + "the file is truncated, or the .bim or .fam belongs to another file");
    }

    @Test
    void bimWithTooFewSnpsForTheBed() throws IOException {
        Path bed = Trio.write(dir, "t", Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3), "1\trs1\t0\t100\tA\tG\n", Trio.FAM);
        assertBothReject(bed, 0, "has 9 bytes, but 5 samples (.fam) and 1 SNPs (.bim) need 3 + 2 x 1 = 5: "
                + "it holds 3 SNP blocks of that size, so the .bim or .fam belongs to another file");
        // with another .fam the block size changes: 9 samples need 3 bytes per SNP
        Path other = Trio.write(dir, "u", Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3), Trio.BIM,
                Trio.FAM + "f6 s6 0 0 1 1\nf7 s7 0 0 1 1\nf8 s8 0 0 1 1\nf9 s9 0 0 1 1\n");
        assertBothReject(other, 0, "has 9 bytes, but 9 samples (.fam) and 3 SNPs (.bim) need 3 + 3 x 3 = 12");
    }

    @Test
    void badMagicAndIndividualMajorMode() throws IOException {
        byte[] text = "chr1\t100\t200\n".getBytes();
        Path intervals = Trio.write(dir, "i", text, Trio.BIM, Trio.FAM);
        assertRejected(intervals, 0, "does not start with the PLINK .bed magic bytes 0x6c 0x1b (found 0x63 0x68)",
                () -> Reads.train(intervals));
        byte[] individualMajor = Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3);
        individualMajor[2] = 0;
        assertBothReject(Trio.write(dir, "m", individualMajor, Trio.BIM, Trio.FAM), 0,
                "is an individual-major PLINK .bed (mode byte 0x00); only SNP-major files (0x01) are read");
        byte[] unknown = Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3);
        unknown[2] = 7;
        assertBothReject(Trio.write(dir, "k", unknown, Trio.BIM, Trio.FAM), 0, "has the unknown PLINK .bed mode byte 0x07");
        assertBothReject(Trio.write(dir, "s", new byte[] {0x6c, 0x1b}, Trio.BIM, Trio.FAM), 0,
                "is 2 bytes long, too short for a PLINK .bed header");
    }

    @Test
    void gzipBedTooShortTooLongOrNotGzip() throws IOException {
        Trio.standard(dir);
        Path shortGz = Files.write(dir.resolve("t.bed.gz"), gzip(Trio.bed(Trio.RS1, Trio.RS2, new byte[] {1})));
        assertBothReject(shortGz, 3, "ends inside the block of SNP 3 of 3: the file is truncated");
        Files.write(shortGz, gzip(Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3, Trio.RS3)));
        assertBothReject(shortGz, 0, "has more data than 5 samples (.fam) and 3 SNPs (.bim) need");
        byte[] whole = gzip(Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3));
        Files.write(shortGz, Arrays.copyOf(whole, whole.length - 12));
        assertBothReject(shortGz, 0, "gzip data is corrupt or truncated after SNP block");
        Files.write(shortGz, Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3));
        assertRejected(shortGz, 0, "is named .gz but is not gzip-compressed", () -> Reads.train(shortGz));
    }

    @Test
    void malformedFamAndBimLines() throws IOException {
        Path bed = Trio.write(dir, "t", Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3), Trio.BIM, "f1 s1 0 0 1\n");
        assertRejected(dir.resolve("t.fam"), 1, "has 5 fields, expected 6 (FID IID father mother sex phenotype)",
                () -> Reads.train(bed));
        Files.writeString(dir.resolve("t.fam"), Trio.FAM + "f2 s2 0 0 1 1\n");
        assertRejected(dir.resolve("t.fam"), 6, "duplicate sample 'f2 s2' (first on line 2)", () -> Reads.train(bed));
        Files.writeString(dir.resolve("t.fam"), "");
        assertRejected(dir.resolve("t.fam"), 0, "is empty: a .fam file needs one line per sample", () -> Reads.train(bed));
        Files.writeString(dir.resolve("t.fam"), Trio.FAM);
        Files.writeString(dir.resolve("t.bim"), Trio.BIM.replace("\t200\t", "\t2e2x\t"));
        assertRejected(dir.resolve("t.bim"), 2, "position '2e2x' or centimorgans '0' is not a number", () -> Reads.train(bed));
        Files.writeString(dir.resolve("t.bim"), Trio.BIM + "2 rs4 0 400 A\n");
        assertRejected(dir.resolve("t.bim"), 4, "has 5 fields, expected 6", () -> Reads.train(bed));
        Files.delete(dir.resolve("t.bim"));
        assertRejected(bed, 0, "has no t.bim beside it", () -> Reads.train(bed));
        assertRejected(bed, 0, "has no t.bim beside it", () -> new PlinkInspector().inspect(bed, null, Cancellation.NEVER));
    }

    @Test
    void missingCallIsAnErrorWhenAskedFor() throws IOException {
        Path bed = Trio.standard(dir);
        // rs1's first missing call is s4's, but s4 has a phenotype (2); the read fails at SNP 1
        assertRejected(bed, 1, "sample 's4' (.fam line 4) has no call at SNP 'rs1' (.bim line 1); set missing: mean or zero",
                () -> Reads.train(bed, "missing", "error"));
    }

    @Test
    void phenotypeProblems() throws IOException {
        Path bed = Trio.write(dir, "t", Trio.bed(Trio.RS1, Trio.RS2, Trio.RS3), Trio.BIM, Trio.FAM.replace("1 -9", "1 abc"));
        Path fam = dir.resolve("t.fam");
        assertRejected(fam, 3, "phenotype 'abc' is not a number", () -> Reads.train(bed));
        Files.writeString(fam, Trio.FAM);
        assertRejected(fam, 3, "sample 's3' has no phenotype; set missing_phenotype: exclude",
                () -> Reads.train(bed, "missing_phenotype", "error"));
        Files.writeString(fam, Trio.FAM.replace(" 2\n", " -9\n").replace(" 1\n", " 0\n"));
        assertRejected(fam, 0, "training needs phenotypes, but every sample's phenotype is missing", () -> Reads.train(bed));
        assertRejected(bed, 0, "training needs phenotypes, but phenotype is none", () -> Reads.train(bed, "phenotype", "none"));
        Files.writeString(fam, Trio.FAM.replace("1 2\n", "1 3.5\n"));
        assertRejected(fam, 1, "task binary needs case/control phenotypes (1 = control, 2 = case, 0 or -9 = missing), found '3.5'",
                () -> Reads.train(bed, "task", "binary"));

        Files.writeString(fam, Trio.FAM);
        Path headerless = Files.writeString(dir.resolve("p.tsv"), "s1\t1\ns2\t0\n");
        assertRejected(headerless, 1, "has no header line: its first line names the sample 's1'",
                () -> Reads.train(bed, "phenotype_file", headerless.toString()));
        Path table = Files.writeString(dir.resolve("q.tsv"), "sample\tcc\ns1\t1\ns1\t0\n");
        assertRejected(table, 3, "duplicate sample 's1' (first on line 2)", () -> Reads.train(bed, "phenotype_file", table.toString()));
        Path ragged = Files.writeString(dir.resolve("r.tsv"), "sample\tcc\ns1\t1\t7\n");
        assertRejected(ragged, 2, "has 3 fields, expected 2", () -> Reads.train(bed, "phenotype_file", ragged.toString()));
        Path good = Files.writeString(dir.resolve("g.tsv"), "sample\tcc\ns1\t1\ns2\t0\n");
        assertRejected(good, 1, "phenotype_column 'status' is not one of its columns after the sample id: sample, cc",
                () -> Reads.train(bed, "phenotype_file", good.toString(), "phenotype_column", "status"));
        Path groups = Files.writeString(dir.resolve("h.tsv"), "sample\tcc\tpop\ns1\t1\tA\ns2\t0\t\n");
        assertRejected(groups, 0, "has no group for sample 's2' in column 'pop'",
                () -> Reads.train(bed, "phenotype_file", groups.toString(), "group_column", "pop"));
    }

    @Test
    void parameterCombinationsThatCannotWork() throws IOException {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("p.tsv"), "sample\tcc\ns1\t1\n");
        assertRejected(bed, 0, "snps and max_snps both select SNPs; choose one",
                () -> Reads.train(bed, "snps", List.of("rs1"), "max_snps", 1));
        assertRejected(bed, 0, "phenotype: file needs the parameter phenotype_file", () -> Reads.train(bed, "phenotype", "file"));
        assertRejected(bed, 0, "phenotype_file is given but phenotype is 'fam'",
                () -> Reads.train(bed, "phenotype", "fam", "phenotype_file", table.toString()));
        assertRejected(bed, 0, "group_column names a column of phenotype_file, which is not given",
                () -> Reads.train(bed, "group_column", "population"));
        assertRejected(dir.resolve("t.bim"), 0, "2 SNPs named in snps are not in this file: rs9, rs8",
                () -> Reads.train(bed, "snps", List.of("rs1", "rs9", "rs8")));
        Files.writeString(dir.resolve("t.bim"), Trio.BIM.replace("rs3", "rs1"));
        assertRejected(dir.resolve("t.bim"), 3, "SNP 'rs1', named in snps, occurs twice (lines 1 and 3)",
                () -> Reads.train(bed, "snps", List.of("rs1")));
    }

    @Test
    void textAndMultiLabelPhenotypeProblems() throws IOException {
        Path bed = Trio.standard(dir);
        Path table = Files.writeString(dir.resolve("t.tsv"), "sample\tstratum\tcc\theight\ns1\tCEU\t1\t1.7\ns2\tYRI\t0\t1.6\n"
                + "s3\tJPT\t1\t1.8\n");
        assertRejected(table, 2, "phenotype 'CEU' is not a number (case/control 1/2, missing -9 or 0, or a quantitative value); "
                + "for a column of two text classes, name the positive one with positive", () -> Reads.train(bed, "phenotype_file", table.toString()));
        assertRejected(table, 0, "phenotype column 'stratum' has 3 classes [CEU, JPT, YRI]; a binary phenotype has two, one of them "
                + "named by positive", () -> Reads.train(bed, "phenotype_file", table.toString(), "positive", "CEU"));
        Path two = Files.writeString(dir.resolve("u.tsv"), "sample\tstratum\ns1\tCEU\ns2\tYRI\n");
        assertRejected(two, 0, "positive [JPT] names neither of the classes [CEU, YRI] of phenotype column 'stratum'; name exactly one "
                + "of them", () -> Reads.train(bed, "phenotype_file", two.toString(), "positive", "JPT"));
        assertRejected(two, 2, "phenotype 'CEU' of column 'stratum' is not a number, so it cannot be a regression target",
                () -> Reads.train(bed, "phenotype_file", two.toString(), "positive", "CEU", "task", "regression"));
        assertRejected(table, 0, "phenotype columns [cc, height] make a multi-label task of binary phenotypes, but column 'height' "
                + "is quantitative", () -> Reads.train(bed, "phenotype_file", table.toString(), "phenotype_column", List.of("cc", "height")));
        assertRejected(bed, 0, "phenotype_column names a column twice: [cc, cc]",
                () -> Reads.train(bed, "phenotype_file", table.toString(), "phenotype_column", List.of("cc", "cc")));
        assertRejected(bed, 0, "several phenotype columns make a multi-label task of binary phenotypes, not a regression; "
                + "give one column for task regression", () -> Reads.train(bed, "phenotype_file", table.toString(),
                "phenotype_column", List.of("cc", "height"), "task", "regression"));
        Path binary = Files.writeString(dir.resolve("v.tsv"), "sample\tcc\tstratum\ns1\t1\tCEU\ns2\t0\tYRI\n");
        assertRejected(bed, 0, "phenotype columns [cc, stratum] are not the model's binary outputs [cc, pop]",
                () -> Reads.read(bed, new ReadContext(true, List.of("cc", "pop"), Cancellation.NEVER), "phenotype_file", binary.toString(),
                        "phenotype_column", List.of("cc", "stratum"), "positive", "CEU"));
    }
}
