package org.genomod.reader.alignments.internal;

import static org.genomod.reader.alignments.internal.Reads.PREDICTION;
import static org.genomod.reader.alignments.internal.Reads.TRAINING;
import static org.genomod.reader.alignments.internal.Synthetic.bases;
import static org.genomod.reader.alignments.internal.Synthetic.read;
import static org.genomod.reader.alignments.internal.Synthetic.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every way a read can go wrong ends in one sentence naming the file and the problem. */
class BadInputTest {
    private static final String DV = "deepvariant-na12878-chr20/";
    private static final Path BAM = SharedData.file(DV + "NA12878_S1.chr20.10_10p1mb.first_half.bam");
    private static final Path HG002 = SharedData.file(DV + "HG002_NIST_150bp_downsampled_30x.chr20.10_10p1mb.bam");
    private static final Path HG19 = SharedData.file(DV + "ucsc.hg19.chr20.unittest.fasta.gz");
    private static final Path HS37D5 = SharedData.file("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz");

    private static InputFormatException fails(Executable read) {
        return assertThrows(InputFormatException.class, read);
    }

    @Test
    void contigNamingMismatchWithTheReference() {
        InputFormatException e = fails(() -> Reads.read(HG002, PREDICTION, "reference", HG19.toString()));
        assertEquals(HG002, e.file());
        assertEquals("the alignments have reads on contig '20', which reference ucsc.hg19.chr20.unittest.fasta.gz lacks"
                + " (it names it 'chr20': the files use different contig naming, Ensembl '20' vs UCSC 'chr20')", e.problem());
    }

    @Test
    void contigNamingMismatchWithTruthAndConfidentRegions() {
        InputFormatException truth = fails(() -> Reads.read(HG002, TRAINING, "reference", HS37D5.toString(),
                "truth_vcf", SharedData.file(DV + "test_nist.b37_chr20_first_half.vcf.gz").toString(), "region", "20:10000000-10001000"));
        assertEquals("the truth VCF has no records on contig '20', which the alignments use (it names it 'chr20':"
                + " the files use different contig naming, Ensembl '20' vs UCSC 'chr20')", truth.problem());
        InputFormatException bed = fails(() -> Reads.read(HG002, PREDICTION, "reference", HS37D5.toString(),
                "confident_bed", SharedData.file(DV + "test_nist.b37_chr20_100kbp_at_10mb.bed").toString()));
        assertEquals("the confident-regions BED has no intervals on contig '20', which the alignments use (it names it"
                + " 'chr20': the files use different contig naming, Ensembl '20' vs UCSC 'chr20')", bed.problem());
        InputFormatException region = fails(() -> Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "20:1-100"));
        assertEquals("region '20:1-100' names contig '20', which the alignments' header does not list (it names it 'chr20':"
                + " the files use different contig naming, Ensembl '20' vs UCSC 'chr20')", region.problem());
    }

    @Test
    void aRegionNeedsAnIndex(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(BAM, dir.resolve("unindexed.bam"));
        InputFormatException e = fails(() -> Reads.read(copy, PREDICTION, "reference", HG19.toString(), "region", "chr20:10000000-10010000"));
        assertEquals("the alignments have no index (.bai/.crai), which a region needs; index them with samtools index or drop the region",
                e.problem());
        // without a region the same file streams from the start
        assertEquals(174, Reads.read(copy, PREDICTION, "reference", HG19.toString()).size());
    }

    @Test
    void truncatedAndEmptyFiles(@TempDir Path dir) throws Exception {
        byte[] bam = Files.readAllBytes(BAM);
        Path cut = Files.write(dir.resolve("cut.bam"), java.util.Arrays.copyOf(bam, bam.length / 2));
        assertEquals("the file is truncated or damaged: it does not end with a complete BGZF block",
                fails(() -> Reads.read(cut, PREDICTION, "reference", HG19.toString())).problem());
        Path empty = Files.createFile(dir.resolve("empty.bam"));
        assertEquals("the file is empty", fails(() -> Reads.read(empty, PREDICTION, "reference", HG19.toString())).problem());
    }

    @Test
    void unsortedAlignments(@TempDir Path dir) throws Exception {
        Path reference = Synthetic.reference(dir);
        Path sam = Synthetic.sam(dir, "unsorted.sam",
                read("r1", 0, 20, 60, "10M", bases(20, 29), 'I'),
                read("r2", 0, 10, 60, "10M", bases(10, 19), 'I'));
        assertEquals("record 2 (r2 at ref:10) comes after r1 at ref:20: the alignments are not sorted by coordinate;"
                + " sort them with samtools sort", fails(() -> Reads.read(sam, PREDICTION, "reference", reference.toString())).problem());
    }

    @Test
    void referenceProblems(@TempDir Path dir) throws Exception {
        Path unindexed = Files.writeString(dir.resolve("plain.fa"), ">chr20\nACGT\n");
        assertEquals("the reference has no index plain.fa.fai; create it with samtools faidx (bgzip the FASTA first if it is"
                + " gzip-compressed)", fails(() -> Reads.read(BAM, PREDICTION, "reference", unindexed.toString())).problem());

        String cram = "htsjdk-testdata/samtools/cram/CRAMException/testContigNotInRef";
        InputFormatException e = fails(() -> Reads.read(SharedData.file(cram + ".cram"), PREDICTION,
                "reference", SharedData.file(cram + ".fa").toString()));
        assertEquals("the CRAM has reads on contig 'Sheila', which reference testContigNotInRef.fa lacks (it has Shelly)", e.problem());

        Path reference = Synthetic.reference(dir);
        Path sam = Synthetic.sam(dir, "reads.sam", read("r1", 0, 11, 60, "20M", with(11, 30, 20, 'A'), 'I'),
                read("r2", 0, 12, 60, "20M", with(12, 31, 20, 'A'), 'I'));
        Path truth = Files.writeString(dir.resolve("truth.vcf"), String.join("\n", "##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS", "ref\t20\t.\tG\tA\t50\tPASS\t.\tGT\t0/1", ""));
        assertEquals("the truth's REF at ref:20 is G but the reference has T there: the truth VCF was made against another reference",
                fails(() -> Reads.read(sam, TRAINING, "reference", reference.toString(), "truth_vcf", truth.toString())).problem());
        Path headerOnly = Files.writeString(dir.resolve("header-only.vcf"), String.join("\n", "##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS", ""));
        assertEquals("the truth VCF has no variant records to label with",
                fails(() -> Reads.read(sam, TRAINING, "reference", reference.toString(), "truth_vcf", headerOnly.toString())).problem());
    }

    @Test
    void parameterCombinationsThatCannotWork() {
        assertEquals("training needs labels: give truth_vcf (and confident_bed to keep to its confident regions)",
                fails(() -> Reads.read(BAM, TRAINING, "reference", HG19.toString())).problem());
        assertEquals("width must be odd so that the candidate sits in the centre column, got 100",
                fails(() -> Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "width", 100)).problem());
        assertEquals("the model expects outputs [no, yes], but this reader produces [hom_ref, het, hom_alt]",
                fails(() -> Reads.read(BAM, ReadContext.forPrediction(List.of("no", "yes")), "reference", HG19.toString())).problem());
        assertEquals("finds more than 10 candidate sites (max_records) by chr20:10001474:C>T; narrow the region or raise"
                + " max_records (each example holds up to 60,600 values in memory)",
                fails(() -> Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "max_records", 10)).problem());
        assertEquals("region 'chr20:70000000-70000100' is empty or outside contig chr20 (1-63025520)",
                fails(() -> Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:70000000-70000100")).problem());
        // samtools view -c NA12878...bam chr20:10050000-10050100: 0 reads
        assertEquals("found no candidate sites in chr20:10050000-10050100: 0 of 0 reads passed the filters",
                fails(() -> Reads.read(BAM, PREDICTION, "reference", HG19.toString(), "region", "chr20:10050000-10050100")).problem());
    }

    @Test
    void cancellationStopsTheRead() {
        Cancellation cancelled = new Cancellation() {
            @Override public boolean isCancelled() { return true; }
            @Override public String reason() { return "user asked"; }
        };
        java.util.concurrent.CancellationException e = assertThrows(java.util.concurrent.CancellationException.class,
                () -> Reads.read(BAM, new ReadContext(false, List.of(), cancelled), "reference", HG19.toString()));
        assertEquals("reading " + BAM + " was cancelled: user asked", e.getMessage());
    }
}
