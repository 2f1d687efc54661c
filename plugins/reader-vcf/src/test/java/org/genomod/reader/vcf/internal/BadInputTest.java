package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Fixtures.record;
import static org.genomod.reader.vcf.internal.Reads.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InspectionReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed files of our own making: each gives one InputFormatException naming the file, the line
 * (or record) and the problem, from the reader and the inspector alike.
 */
class BadInputTest {
    private static final String HEADER = "##fileformat=VCFv4.2\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype quality\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n";
    private static final String GOOD = record("chrT 12 . G T 50 PASS . GT:GQ 0/1:30 1/1:20");

    @TempDir
    Path dir;
    Path reference;

    @BeforeEach
    void reference() throws IOException {
        reference = Fixtures.reference(dir);
    }

    private Path vcf(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + body);
    }

    private Path bgzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new BlockCompressedOutputStream(file.toFile())) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The reader (variants mode, then genotypes mode) and the inspector all reject {@code file} the same way. */
    private void assertAllReject(Path file, long line, String problem) {
        assertRejected(file, line, problem, () -> Reads.score(file, "reference", reference));
        assertRejected(file, line, problem, () -> Reads.score(file, "mode", "genotypes"));
        assertRejected(file, line, problem, () -> Reads.inspect(file, null));
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        assertAllReject(Files.writeString(dir.resolve("empty.vcf"), ""), 0, "is empty");
        Path headerOnly = vcf("header.vcf", "");
        assertRejected(headerOnly, 0, "has no variant allele to read (0 records", () -> Reads.score(headerOnly, "reference", reference));
        InspectionReport report = Reads.inspect(headerOnly, null);
        assertEquals(0, report.records());
        assertEquals(List.of("the file has a header but no records"), report.warnings());
    }

    @Test
    void notAVcf() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.vcf"), "chrT\t12\tG\tT\n");
        assertAllReject(text, 1, "is not a VCF file: it must begin with ##fileformat=VCFv4.x, but begins with 'chrT\t12\tG\tT'");
        Path noChrom = vcf("nochrom.vcf", "").resolveSibling("nochrom.vcf");
        Files.writeString(noChrom, "##fileformat=VCFv4.2\n" + record("chrT 12 . G T 50 PASS .") + "\n");
        assertAllReject(noChrom, 2, "the header ends without a #CHROM line before this record");
        Path v44 = Files.writeString(dir.resolve("v44.vcf"), HEADER.replace("VCFv4.2", "VCFv4.4") + GOOD + "\n");
        assertAllReject(v44, 1, "is VCFv4.4, which htsjdk 4.3 (reading variants here) does not decode: it reads VCF 4.0 to 4.3");
        Path number = Files.writeString(dir.resolve("number.vcf"), HEADER.replace("Number=1,Type=Integer", "Number=Q,Type=Integer")
                + GOOD + "\n");
        assertAllReject(number, 0, "malformed header: a value that must be a number is not one (For input string: \"Q\")");
        Path cut = Files.writeString(dir.resolve("cut.vcf"), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tAL\n");
        assertAllReject(cut, 0, "malformed header: there are not enough columns present in the header line: #CHROM\tPOS\tID\tREF\tAL");
    }

    @Test
    void malformedRecordsAreExplainedInVcfTerms() throws IOException {
        assertAllReject(vcf("spaces.vcf", "chrT 12 . G T 50 PASS . GT 0/1 1/1\n"), 5,
                "has 1 tab-separated column, but a VCF record needs at least 8 (CHROM POS ID REF ALT QUAL FILTER INFO); "
                        + "are the columns separated by spaces?");
        assertAllReject(vcf("alt.vcf", record("chrT 12 . G IGA 50 PASS . GT 0/1 1/1\n")), 5,
                "ALT allele 'IGA' is neither bases (A, C, G, T, N) nor '*', a <symbolic> allele or a breakend");
        assertAllReject(vcf("ref.vcf", record("chrT 12 . GXC T 50 PASS . GT 0/1 1/1\n")), 5,
                "REF 'GXC' has 'X', which is not a base (REF is made of A, C, G, T and N)");
        assertAllReject(vcf("pos.vcf", record("chrT ten . G T 50 PASS . GT 0/1 1/1\n")), 5, "POS 'ten' is not a position");
        assertAllReject(vcf("qual.vcf", record("chrT 12 . G T qq PASS . GT 0/1 1/1\n")), 5, "QUAL 'qq' is not a number");
        assertAllReject(vcf("same.vcf", record("chrT 12 . G G 50 PASS . GT 0/1 1/1\n")), 5, "ALT allele 'G' repeats REF");
        assertAllReject(vcf("cols.vcf", GOOD + "\n" + record("chrT 13 . G T 50 PASS . GT 0/1\n")), 6,
                "has 10 columns, but the header names 11 (9 + 2 samples)");
        assertAllReject(vcf("late.vcf", GOOD + "\n##INFO=<ID=X,Number=1,Type=String,Description=\"x\">\n"), 6,
                "a header line after the first record");
    }

    @Test
    void malformedGenotypesAreFoundWhereGenotypesAreRead() throws IOException {
        Path index = vcf("gt.vcf", GOOD + "\n" + record("chrT 13 . G T 50 PASS . GT 0/5 1/1\n"));
        assertRejected(index, 6, "record at chrT:13: malformed genotype fields: The allele with index 5 is not defined in the REF/ALT columns",
                () -> Reads.score(index, "mode", "genotypes"));
        assertRejected(index, 6, "The allele with index 5 is not defined", () -> Reads.inspect(index, null));
        Path gq = vcf("gq.vcf", record("chrT 12 . G T 50 PASS . GT:GQ 0/1:abc 1/1:3\n"));
        assertRejected(gq, 5, "malformed genotype fields: a value that must be a number is not one (For input string: \"abc\")",
                () -> Reads.inspect(gq, null));
    }

    @Test
    void compressionProblems() throws IOException {
        Path notGzip = Files.writeString(dir.resolve("plain.vcf.gz"), HEADER + GOOD + "\n");
        assertAllReject(notGzip, 0, "is named .gz but is not gzip-compressed");

        byte[] whole = Files.readAllBytes(bgzip("whole.vcf.gz", HEADER + GOOD + "\n" + GOOD.replace("12", "13") + "\n"));
        Path truncated = Files.write(dir.resolve("truncated.vcf.gz"), Arrays.copyOf(whole, whole.length - 40));
        assertAllReject(truncated, 0, "is truncated or damaged: its last BGZF block is incomplete");
        Path noEof = Files.write(dir.resolve("noeof.vcf.gz"), Arrays.copyOf(whole, whole.length - 28));
        assertAllReject(noEof, 0, "has no BGZF end-of-file marker, so it was probably cut short");

        Path gzip = dir.resolve("cut-gzip.vcf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            for (int i = 0; i < 2000; i++) {
                out.write((i == 0 ? HEADER : "").getBytes(StandardCharsets.UTF_8));
                out.write((record("chrT " + (i + 1) + " . A C 50 PASS . GT 0/1 1/1") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] gz = Files.readAllBytes(gzip);
        Files.write(gzip, Arrays.copyOf(gz, gz.length / 2));
        assertRejected(gzip, 0, "compressed data is corrupt or truncated after line", () -> Reads.inspect(gzip, null));
    }

    @Test
    void plainGzipAndMisnamedFilesAreReadByContent() throws IOException {
        Path gzip = dir.resolve("calls.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write((HEADER + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, Reads.inspect(gzip, null).records());
        assertEquals("ACGTGGG", Reads.altWindow(Reads.score(gzip, "reference", reference, "window", 7), 0));
    }

    @Test
    void bcfProblems() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.bcf"), "not a bcf\n");
        assertAllReject(fake, 0, "is named .bcf but begins with neither the BCF magic bytes nor a VCF header");
        Path v22 = Files.write(dir.resolve("calls.bcf"), new byte[] {'B', 'C', 'F', 2, 2, 0, 0, 0, 0});
        assertAllReject(v22, 0, "is BCF 2.2; htsjdk 4.3, which reads variants here, decodes BCF 2.1 only (bcftools writes 2.2): "
                + "convert it with bcftools view -Oz -o calls.vcf.gz calls.bcf && bcftools index -t calls.vcf.gz");
    }

    @Test
    void referenceProblemsNameTheReference() throws IOException {
        Path vcf = vcf("ok.vcf", GOOD + "\n");
        Path noIndex = Files.writeString(dir.resolve("noindex.fa"), ">chrT\nACGT\n");
        assertRejected(noIndex, 0, "reference FASTA has no index noindex.fa.fai (create it with: samtools faidx noindex.fa)",
                () -> Reads.score(vcf, "reference", noIndex));

        Path gzipped = dir.resolve("ref.fa.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write((">chrT\n" + Fixtures.CHR_T + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.copy(dir.resolve("ref.fa.fai"), dir.resolve("ref.fa.gz.fai"));
        assertRejected(gzipped, 0, "reference FASTA is gzip- but not bgzip-compressed", () -> Reads.score(vcf, "reference", gzipped));

        Path bgzipped = bgzip("bg.fa.gz", ">chrT\n" + Fixtures.CHR_T + "\n");
        Files.copy(dir.resolve("ref.fa.fai"), dir.resolve("bg.fa.gz.fai"));
        assertRejected(bgzipped, 0, "bgzip reference FASTA has no bg.fa.gz.gzi index", () -> Reads.score(vcf, "reference", bgzipped));

        Path dashes = Files.writeString(dir.resolve("dashes.fa"), ">chrT\nACGTACGTAC-GGGGCCCCC\n");
        htsjdk.samtools.reference.FastaSequenceIndexCreator.create(dashes, true);
        assertRejected(dashes, 0, "has - at chrT:11, which is not a nucleotide code (A, C, G, T, N or IUPAC)",
                () -> Reads.score(vcf, "reference", dashes));
    }

    @Test
    void unsortedRecordsAreReadAndReported() throws IOException {
        Path unsorted = vcf("unsorted.vcf", GOOD + "\n" + record("chrT 3 . G T 50 PASS . GT 0/1 1/1") + "\n");
        assertEquals(List.of("chrT:12:G>T", "chrT:3:G>T"), List.of(Reads.score(unsorted, "reference", reference).id(0),
                Reads.score(unsorted, "reference", reference).id(1)), "the reader keeps the file's order");
        InspectionReport report = Reads.inspect(unsorted, null);
        assertTrue(report.warnings().contains("records are not sorted by position: chrT:3 (line 6) comes after chrT:12"), report.warnings().toString());
    }
}
