package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector claims only sequence files and reports each one in a line: facts, or the first problem. */
class InspectorTest {
    private final SequenceFileInspector inspector = new SequenceFileInspector();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private boolean accepts(String name, String head) {
        return inspector.accepts(dir.resolve(name), head.getBytes(StandardCharsets.ISO_8859_1));
    }

    private InspectionReport inspect(Path file) throws IOException {
        return inspector.inspect(file, null, Cancellation.NEVER);
    }

    /** Asserts one error naming the file (or its index) and the line. */
    private InputFormatException rejected(Path file, long line, String problem) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> inspect(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void acceptsSequenceFilesByNameOrContent() {
        assertTrue(accepts("x.fa", ""));
        assertTrue(accepts("x.FASTA.gz", "\u001f\u008b")); // a damaged gzip is still ours to report
        assertTrue(accepts("reads.fq.bgz", "garbage"));
        assertTrue(accepts("x.faa", ">p\nMKV\n"));
        assertTrue(accepts("seqs.txt", "\n>a\nACGT\n"));
        assertTrue(accepts("reads.txt", "@r1\nACGT\n+\nIIII\n"));
        assertTrue(accepts("promoters.csv", "+,S10,\t\ttactagcaatacgcttgcg\n-,867,\t\tatatgaacgttgagactgc\n"));
        assertTrue(accepts("splice.data", "EI, A-1, MKVLAAA\n"));
        assertTrue(accepts("empty.data", ""));
        assertTrue(accepts("SRF_B.seq.gz", "FoldID\tEventID\tseq\tBound\nA\tseq_1\tACGT\t1\n"));
        assertTrue(accepts("header-only.tsv", "id\tsequence\n"));
    }

    @Test
    void leavesOtherFormatsAlone() {
        assertFalse(accepts("peaks.bed", "chr1\t100\t200\tpeak1\t0\t+\n"));
        assertFalse(accepts("calls.vcf", "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\n"));
        assertFalse(accepts("reads.sam", "@HD\tVN:1.6\n@SQ\tSN:chr1\tLN:100\nr1\t0\tchr1\t1\t60\t4M\t*\t0\t0\tACGT\tIIII\n"));
        assertFalse(accepts("ref.dict", "@HD\tVN:1.0\n@SQ\tSN:1\tLN:16000\n"));
        assertFalse(accepts("expr.tsv", "gene\tS1\tS2\nBRCA1\t1.5\t2.0\n"));
        assertFalse(accepts("expr.csv", "gene,sample,activation\nTP53,s1,repression\n"));
        assertFalse(accepts("edges.tsv", "TF\ttarget\tmode\nAATF\tBAX\tRepression\n"));
        assertFalse(accepts("ref.fa.fai", "chr1\t16\t6\t16\t17\n"));
        assertFalse(accepts("geno.bed", "\u006c\u001b\u0001\u0000"));
        assertFalse(accepts("reads.bam", "BAM\u0001\u0000\u0000"));
        assertFalse(accepts("broken.seq.gz", "\u001f\u008b"));
        assertFalse(accepts("empty.tsv", ""));
        assertFalse(accepts("data.gct", "#1.2\n2\t3\nName\tDescription\tS1\n"));
    }

    @Test
    void fastaFactsAndClasses() throws IOException {
        Path fasta = write("c.fa", "> chr1,+,1,4; class:1\nACGT\n> chr1,+,9,13; class:0\nACGTA\n>chr2,-,5,8; class:0\nAC\nGT\n");
        InspectionReport report = inspect(fasta);
        assertEquals("fasta", report.format());
        assertEquals(3, report.records());
        assertEquals(Map.of("alphabet", "dna", "length", "4-5", "total length", 13L, "classes", "0:2 1:1"), report.facts());
        assertEquals(List.of("alphabet", "length", "total length", "classes"), List.copyOf(report.facts().keySet()));
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void namesAreNotClasses() throws IOException {
        // every record has its own last word: those are descriptions, not classes
        InspectionReport report = inspect(write("names.fa", ">1 chromosome:1\nACGT\n>2 chromosome:2\nACGT\n"));
        assertFalse(report.facts().containsKey("classes"));
    }

    @Test
    void partlyLabelledClassesAreWarnedAbout() throws IOException {
        InspectionReport report = inspect(write("part.fa", ">a pos\nACGT\n>b pos\nACGT\n>c\nACGT\n"));
        assertEquals(List.of("only 2 of 3 records carry a label"), report.warnings());
        assertFalse(report.facts().containsKey("classes"));
    }

    @Test
    void alphabetIsDetected() throws IOException {
        assertEquals("rna", inspect(write("r.fa", ">a\nACGUN\n")).facts().get("alphabet"));
        assertEquals("protein", inspect(write("p.fa", ">a\nMKVLT\n>b\nACGU\n")).facts().get("alphabet"));
        assertEquals("dna", inspect(write("d.fa", ">a\nacgtnRYK\n")).facts().get("alphabet"));
    }

    @Test
    void fastqQualities() throws IOException {
        InspectionReport report = inspect(write("r.fq", "@r1\nACGT\n+\n#5?I\n@r2\nACG\n+r2\nIII\n"));
        assertEquals("fastq", report.format());
        assertEquals(2, report.records());
        assertEquals("Phred 2-40", report.facts().get("quality"));
        assertEquals("3-4", report.facts().get("length"));
    }

    @Test
    void uciAndTsv() throws IOException {
        InspectionReport uci = inspect(write("s.data", "EI, a, ACGT\nIE, b, ACGA\nEI, c, TTTT\n"));
        assertEquals("uci", uci.format());
        assertEquals("EI:2 IE:1", uci.facts().get("classes"));
        InspectionReport tsv = inspect(gzip("b.seq.gz", "FoldID\tEventID\tseq\tBound\nA\te1\tACGT\t1\nA\te2\tACGG\t0\nA\te3\tACGG\t0\n"));
        assertEquals("tsv", tsv.format());
        assertEquals(3, tsv.records());
        assertEquals("0:2 1:1", tsv.facts().get("classes"));
    }

    @Test
    void badInputGetsOneLine() throws IOException {
        rejected(write("empty.fa", ""), 0, "is empty");
        rejected(write("blank.fq", "\n\n"), 0, "is empty");
        rejected(write("dot.fa", ">s\nGCTAGCRM.gact\n"), 2, "record 's': invalid character '.' at position 9 (not a nucleotide or amino-acid code)");
        rejected(write("digits.fa", ">s\nACGT\nAC1T\n"), 3, "record 's': invalid character '1' at position 7");
        rejected(write("mixed.fa", ">a\nACGT\n>b\nACGU\n"), 4, "mixes DNA and RNA: record 'a' (line 2) has T, record 'b' (line 4) has U");
        rejected(write("ragged.tsv", "id\tseq\tlabel\na\tACGT\t1\nb\tACGT\n"), 3, "has 2 tab-separated fields, but the header (line 1) has 3");
        rejected(write("dup.fa", ">a x\nACGT\n>b x\nACGT\n>a x\nTTTT\n"), 5, "duplicate id 'a' (first used on line 1)");
        rejected(write("notgz.fa.gz", ">a\nACGT\n"), 0, "is named .gz but is not gzip-compressed");
        rejected(write("header-only.tsv", "FoldID\tEventID\tseq\tBound\n"), 1, "has a header line but no records");
        rejected(write("header-only.fa", ">a\n"), 1, "record 'a' has no sequence");
        rejected(write("header-only.fq", "@r1\n"), 1, "record 'r1' is truncated: the file ends before its sequence line");
        rejected(write("truncated.fq", "@r1\nACGT\n+\nIIII\n@r2\nACGT\n+\n"), 5, "record 'r2' is truncated: the file ends before its quality line");
        rejected(write("quality.fq", "@r1\nACGT\n+\nIIIII\n"), 4, "record 'r1' has 5 quality values for 4 bases");
        rejected(write("notes.fa", "these are notes\n"), 1, "is not FASTA ('>name'), FASTQ ('@name'), UCI");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            many.append(">r").append(i).append("\nACGTACGTTGCAACGTAGCTAGCTAGGATCGATCGA\n");
        }
        byte[] whole = Files.readAllBytes(gzip("whole.fa.gz", many.toString()));
        Path cut = Files.write(dir.resolve("cut.fa.gz"), Arrays.copyOf(whole, whole.length / 2));
        rejected(cut, 0, "gzip data is corrupt or truncated after line ");
    }

    @Test
    void exactRepeatsAreWarnedAbout() throws IOException {
        InspectionReport report = inspect(write("rep.data", "EI, a, ACGT\nIE, b, ACGA\nEI, a, ACGT\n"));
        assertEquals(3, report.records());
        assertEquals(List.of("1 record repeats an earlier record's id, sequence and label ('a' on line 3 repeats line 1)"),
                report.warnings());
        // the same id with another label is what the reader rejects
        rejected(write("conflict.data", "EI, a, ACGT\nIE, a, ACGT\n"), 2, "duplicate id 'a' (first used on line 1)");
    }

    @Test
    void indexedReferenceReportsContigsAndChecksTheIndex() throws IOException {
        Path ref = write("ref.fasta", ">chr1 first\nACGTACGTAC\nGT\n>chr2\nTTTTGGGGCCCCAAAA\n");
        FastaSequenceIndexCreator.create(ref, false);
        InspectionReport report = inspect(ref);
        assertEquals(List.of("chr1", "chr2"), report.facts().get("contigs"));
        assertEquals(28L, report.facts().get("total length"));
        assertEquals(".fai", report.facts().get("index"));
        assertEquals(List.of(), report.warnings());

        Path fai = dir.resolve("ref.fasta.fai");
        String index = Files.readString(fai);
        Files.writeString(fai, index.replace("chr1\t12", "chr1\t13"));
        InputFormatException length = rejected(ref, 1, "gives contig 'chr1' 13 bases, but ref.fasta has 12 (record on line 1)");
        assertEquals(fai, length.file());
        Files.writeString(fai, index.replace("chr2", "chrX"));
        rejected(ref, 2, "lists contig 'chrX' where ref.fasta has record 'chr2' (line 4)");
        Files.writeString(fai, index + "chr3\t4\t100\t4\t5\n");
        rejected(ref, 3, "lists contig 'chr3', which ref.fasta does not have");
        Files.writeString(fai, index.lines().findFirst().orElseThrow() + "\n");
        rejected(ref, 0, "lists 1 contigs, but record 'chr2' of ref.fasta (line 4) is not among them");
        // right names and lengths, wrong offset: htsjdk would read other bases without complaint
        String[] chr2 = index.lines().toList().get(1).split("\t");
        Files.writeString(fai, index.lines().findFirst().orElseThrow() + "\n"
                + String.join("\t", chr2[0], chr2[1], Long.toString(Long.parseLong(chr2[2]) - 1), chr2[3], chr2[4]) + "\n");
        rejected(ref, 2, "contig 'chr2': bases 1-16 read through the index are \\nTTTTGGGGCCCCAAA, but ref.fasta holds TTTTGGGGCCCCAAAA");
        Files.writeString(fai, "chr1\tx\n");
        rejected(ref, 0, "is not a valid FASTA index");
    }

    @Test
    void unusableIndexesAreWarnedAbout() throws IOException {
        Path plainGzip = gzip("ref.fa.gz", ">chr1\nACGT\n");
        Files.writeString(dir.resolve("ref.fa.gz.fai"), "chr1\t4\t6\t4\t5\n");
        InspectionReport gz = inspect(plainGzip);
        assertEquals(List.of("the .fai index cannot be used for random access: it is gzip-compressed, not bgzip: "
                + "recompress with bgzip, then samtools faidx"), gz.warnings());
        assertEquals(".fai (not usable)", gz.facts().get("index"));

        Path bgzip = Files.copy(TestData.file("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz"), dir.resolve("hs37d5.chr20.fa.gz"));
        Files.copy(TestData.file("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz.fai"), dir.resolve("hs37d5.chr20.fa.gz.fai"));
        InspectionReport noGzi = inspect(bgzip);
        assertEquals(List.of("the .fai index cannot be used for random access: it is bgzip-compressed without a .gzi "
                + "index beside it: samtools faidx writes one"), noGzi.warnings());
        assertEquals(List.of("20"), noGzi.facts().get("contigs"));

        Path odd = write("ref.fsa", ">chr1\nACGT\n");
        Files.writeString(dir.resolve("ref.fsa.fai"), "chr1\t4\t6\t4\t5\n");
        assertTrue(inspect(odd).warnings().get(0).startsWith("the .fai index cannot be used for random access: htsjdk opens "
                + "indexed references only under the names .fa, .fa.gz, "), inspect(odd).warnings().toString());
    }

    @Test
    void cancellationStopsTheInspection() throws IOException {
        Path fasta = write("c.fa", ">a\nACGT\n");
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        CancellationException e = assertThrows(CancellationException.class, () -> inspector.inspect(fasta, null, cancelled));
        assertTrue(e.getMessage().contains("user asked"), e.getMessage());
    }
}
