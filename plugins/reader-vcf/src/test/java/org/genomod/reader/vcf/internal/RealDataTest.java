package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Reads.altWindow;
import static org.genomod.reader.vcf.internal.Reads.assertRejected;
import static org.genomod.reader.vcf.internal.Reads.features;
import static org.genomod.reader.vcf.internal.Reads.indexOf;
import static org.genomod.reader.vcf.internal.Reads.refWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InspectionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real VCFs in ../shared/data against independent values: record and allele counts from bcftools
 * 1.16, window bases from samtools faidx, REF mismatches from {@code bcftools norm --check-ref}. The
 * commands are given with each value.
 */
class RealDataTest {
    private static final String NIST = TestData.DEEPVARIANT + "test_nist.b37_chr20_first_half.vcf.gz";
    private static final String HG001_CHR = TestData.DEEPVARIANT + "HG001_GIAB_v3.3.2_chr20_first_half.chr-prefixed.vcf.gz";
    private static final String HG001_TRIO = TestData.DEEPTRIO + "HG001_GIAB_v3.3.2_chr20_9.9-10.049Mb.vcf.gz";

    @TempDir
    Path dir;

    /** Facts as bcftools counts them: bcftools stats (records, samples); bcftools norm -m- FILE | bcftools stats (alleles). */
    private static void assertCounts(InspectionReport r, long records, int samples, Map<String, Long> alleles, long multiallelic) {
        assertEquals(records, r.records());
        assertEquals(samples, r.facts().get("samples"));
        for (Map.Entry<String, Long> kind : alleles.entrySet()) {
            assertEquals(kind.getValue(), r.facts().get(kind.getKey()), kind.getKey());
        }
        for (String kind : List.of("snv", "mnv", "indel", "complex", "symbolic")) {
            assertTrue(alleles.containsKey(kind) || !r.facts().containsKey(kind), kind + " counted: " + r.facts());
        }
        assertEquals(multiallelic, r.facts().get("multiallelic"));
    }

    @Test
    void giabTruthSetsAreCountedAndCheckedAgainstTheirReferences() throws IOException {
        // bcftools stats: 129 records, 1 sample, 1 multiallelic site; norm -m- | stats: 106 SNPs, 24 indels
        // bcftools norm --check-ref w -f ucsc.hg19.chr20.unittest.fasta.gz: no REF_MISMATCH
        InspectionReport nist = Reads.inspect(TestData.file(NIST), TestData.hg19Chr20());
        assertCounts(nist, 129, 1, Map.of("snv", 106L, "indel", 24L), 1);
        assertEquals(129L, nist.facts().get("ref_checked"));
        assertEquals(List.of("chr20"), nist.facts().get("contigs"));
        assertEquals(List.of(), nist.warnings());

        // 134 records, 2 multiallelic; 109 SNPs, 27 indels; no REF_MISMATCH against hg19
        InspectionReport hg001 = Reads.inspect(TestData.file(HG001_CHR), TestData.hg19Chr20());
        assertCounts(hg001, 134, 1, Map.of("snv", 109L, "indel", 27L), 2);
        assertEquals(List.of("values disagree with their header declarations (first at line 68: Could not decode field PS with "
                + "value PATMAT of declared type Integer); later records were not type-checked"), hg001.warnings());

        // 354 records, 6 multiallelic; 298 SNPs, 62 indels;
        // bcftools norm --check-ref w -f hs37d5.chr20.fa.gz ... 2>&1 | grep -c REF_MISMATCH: 219 (the reference is N there)
        InspectionReport trio = Reads.inspect(TestData.file(HG001_TRIO), TestData.hs37d5Chr20());
        assertCounts(trio, 354, 1, Map.of("snv", 298L, "indel", 62L), 6);
        assertTrue(trio.warnings().contains("219 of 354 REF alleles differ from the reference (first: line 67: 20:9901235 REF T, reference N)"),
                trio.warnings().toString());
    }

    @Test
    void contigNamingMismatchBetweenVcfAndFastaIsDetected() throws IOException {
        InspectionReport trioOnHg19 = Reads.inspect(TestData.file(HG001_TRIO), TestData.hg19Chr20());
        assertEquals(0L, trioOnHg19.facts().get("ref_checked"));
        assertTrue(trioOnHg19.warnings().contains("contig 20 (354 records) is not in the reference, so its REF alleles were not "
                + "checked; the reference names it 'chr20' (read with chr_prefix: add)"), trioOnHg19.warnings().toString());
        Path trio = TestData.file(HG001_TRIO);
        assertRejected(trio, 67, "record at 20:9901235: contig '20' is not in the reference (the reference names it 'chr20': set "
                + "chr_prefix: add, or map it in contig_map)", () -> Reads.score(trio, "reference", TestData.hg19Chr20()));
        Path nist = TestData.file(NIST);
        // zcat FILE | grep -n -m1 -v '^#': the first record is line 57
        assertRejected(nist, 57, "contig 'chr20' is not in the reference (the reference names it '20': set chr_prefix: remove",
                () -> Reads.score(nist, "reference", TestData.hs37d5Chr20()));
    }

    @Test
    void windowsEqualTheReferenceBasesSamtoolsReturns() throws IOException {
        Dataset d = Reads.score(TestData.file(NIST), "reference", TestData.hg19Chr20(), "window", 21);
        // bcftools norm -m- ... | grep -vc '^#': 130 alleles
        assertEquals(130, d.size());
        assertEquals("chr20", d.group(0));
        assertEquals(Map.of(), d.schema().attributes().get("skipped"));

        // SNV: samtools faidx ucsc.hg19.chr20.unittest.fasta.gz chr20:10000107-10000127
        int snv = indexOf(d, "chr20:10000117:C>T");
        assertEquals("TCCATATGGACTTTATAATCA", refWindow(d, snv));
        assertEquals("TCCATATGGATTTTATAATCA", altWindow(d, snv));

        // insertion A>AAGGCT: REF window chr20:10001426-10001446; ALT window chr20:10001428-10001435 + AAGGCT + chr20:10001437-10001443
        int ins = indexOf(d, "chr20:10001436:A>AAGGCT");
        assertEquals("ATTGGCATGAAAGGCTACTAA", refWindow(d, ins));
        assertEquals("TGGCATGA" + "AAGGCT" + "AGGCTAC", altWindow(d, ins));

        // deletion TAAAACTATGC>T: REF window chr20:10004764-10004784; ALT chr20:10004759-10004768 + T + chr20:10004780-10004789
        int del = indexOf(d, "chr20:10004769:TAAAACTATGC>T");
        assertEquals("GTGACTAAAACTATGCAAAAC", refWindow(d, del));
        assertEquals("GAAAAGTGAC" + "T" + "AAAACTATGC", altWindow(d, del));

        // the multi-allelic A>AA,AG: chr20:10004213-10004233; ALT chr20:10004213-10004222 + AA|AG + chr20:10004224-10004232
        int aa = indexOf(d, "chr20:10004223:A>AA");
        assertEquals(aa + 1, indexOf(d, "chr20:10004223:A>AG"));
        assertEquals("TTCTGTCTCCAAAAAAAAAAA", refWindow(d, aa));
        assertEquals("TTCTGTCTCC" + "AA" + "AAAAAAAAA", altWindow(d, aa));
        assertEquals("TTCTGTCTCC" + "AG" + "AAAAAAAAA", altWindow(d, aa + 1));
    }

    @Test
    void refMismatchesOnRealDataAreCountedLikeBcftools() throws IOException {
        Path trio = TestData.file(HG001_TRIO);
        assertRejected(trio, 67, "record at 20:9901235: REF T does not match the reference, which has N at 20:9901235",
                () -> Reads.score(trio, "reference", TestData.hs37d5Chr20()));
        // bcftools norm --check-ref x -f hs37d5.chr20.fa.gz FILE | bcftools norm -m- | grep -vc '^#': 137 alleles kept
        Dataset kept = Reads.score(trio, "reference", TestData.hs37d5Chr20(), "on_ref_mismatch", "skip", "window", 50);
        assertEquals(137, kept.size());
        assertEquals(Map.of("ref_mismatch_record", 219L, "ref_mismatch_allele", 223L), kept.schema().attributes().get("skipped"));
        // bcftools annotate --rename-chrs (20 -> chr20) | bcftools norm --check-ref w -f ucsc.hg19...: 197 REF_MISMATCH,
        // and with --check-ref x | norm -m-: 159 alleles kept
        Dataset renamed = Reads.score(trio, "reference", TestData.hg19Chr20(), "chr_prefix", "add", "on_ref_mismatch", "skip",
                "window", 50);
        assertEquals(159, renamed.size());
        assertEquals(197L, ((Map<?, ?>) renamed.schema().attributes().get("skipped")).get("ref_mismatch_record"));
        assertEquals("20", renamed.group(0), "groups are the VCF's contig names");
    }

    @Test
    void deepVariantCallsWithFilters() throws IOException {
        Path calls = TestData.file(TestData.DEEPVARIANT + "golden.postprocess_single_site_output.vcf");
        // bcftools view -f PASS,. FILE | bcftools norm -m- | grep -vc '^#': 73 alleles; 7 RefCall records
        Dataset pass = Reads.score(calls, "reference", TestData.hg19Chr20(), "pass_only", true, "window", 50);
        assertEquals(73, pass.size());
        assertEquals(Map.of("filtered_record", 7L), pass.schema().attributes().get("skipped"));
    }

    @Test
    void genotypeMatrixOfThousandGenomesSamples() throws IOException {
        Dataset d = Reads.score(TestData.file(TestData.BIOC + "chr22.vcf.gz"), "mode", "genotypes", "missing", "error");
        // bcftools query -l: HG00096 HG00097 HG00099 HG00100 HG00101; 10376 biallelic records
        assertEquals(List.of("HG00096", "HG00097", "HG00099", "HG00100", "HG00101"), ids(d));
        assertEquals(List.of(10376), d.schema().featureShape());
        // bcftools query -f '[%GT\t]\n' chr22.vcf.gz | awk: ALT alleles per sample (no missing calls)
        long[] expected = {1344, 1782, 1479, 1047, 921};
        for (int s = 0; s < 5; s++) {
            double sum = 0;
            for (float v : features(d, s)) {
                sum += v;
            }
            assertEquals(expected[s], (long) sum, d.id(s));
        }
    }

    @Test
    void genotypeMatrixWithMissingCallsAndSymbolicAlleles() throws IOException {
        Dataset d = Reads.score(TestData.file(TestData.BIOC + "h1187-10k.vcf.gz"), "mode", "genotypes", "missing", "zero");
        // bcftools norm -m- h1187-10k.vcf.gz | bcftools query -i 'ALT!="."' -f '%ALT[\t%GT]\n' | awk:
        // 436 allele columns, 584 genotypes with a '.', ALT allele counts 261 (normal) and 263 (tumour)
        assertEquals(List.of(436), d.schema().featureShape());
        assertEquals(584L, d.schema().attributes().get("missing_genotypes"));
        assertEquals(Map.of("record_without_alt", 9565L), d.schema().attributes().get("skipped"));
        double[] sums = new double[2];
        for (int s = 0; s < 2; s++) {
            for (float v : features(d, s)) {
                sums[s] += v;
            }
        }
        assertEquals(261, (long) sums[0]);
        assertEquals(263, (long) sums[1]);
    }

    @Test
    void regionQueriesUseTheTabixIndexAndAgreeWithAStreamedRead() throws IOException {
        Path chr22 = TestData.file(TestData.BIOC + "chr22.vcf.gz");
        assertTrue(Files.isRegularFile(chr22.resolveSibling("chr22.vcf.gz.tbi")));
        // bcftools view -H -r 22:50500000-50600000 chr22.vcf.gz | wc -l: 1726 (first 22:50500000, last 22:50599930)
        Dataset indexed = Reads.score(chr22, "mode", "genotypes", "region", "22:50,500,000-50,600,000");
        assertEquals(List.of(1726), indexed.schema().featureShape());
        assertEquals("22:50500000:C>T", indexed.schema().attributes().get("first_feature"));
        assertEquals("22:50599930:C>T", indexed.schema().attributes().get("last_feature"));
        assertRejected(TestData.file(TestData.DEEPVARIANT + "test_nist.b37_chr20_first_half.vcf.gz"), 0,
                "has no variant allele to read in region 20:10000000-10010000 (0 records; skipped: nothing skipped); the VCF names "
                        + "that contig 'chr20'", () -> Reads.score(TestData.file(NIST), "reference", TestData.hg19Chr20(),
                        "region", "20:10000000-10010000"));
        Path copy = Files.copy(chr22, dir.resolve("chr22.vcf.gz")); // no index beside it: every record is read and filtered
        Dataset streamed = Reads.score(copy, "mode", "genotypes", "region", "22:50500000-50600000");
        assertEquals(indexed.schema().attributes().get("feature_digest"), streamed.schema().attributes().get("feature_digest"));
        for (int s = 0; s < indexed.size(); s++) {
            assertTrue(java.util.Arrays.equals(features(indexed, s), features(streamed, s)), indexed.id(s));
        }
    }

    @Test
    void otherRealFilesAreCounted() throws IOException {
        // bcftools stats chr22.vcf.gz: 10376 records, 5 samples, 0 multiallelic; norm -m- | stats: 9969 SNPs, 406 indels, 1 other
        assertCounts(Reads.inspect(TestData.file(TestData.BIOC + "chr22.vcf.gz"), null), 10376, 5,
                Map.of("snv", 9969L, "indel", 406L, "complex", 1L), 0);
        // h1187-10k: 9999 records, 2 samples, 2 multiallelic; norm -m- | stats: 9565 no-ALTs, 191 SNPs, 4 MNPs, 13 indels, 228 others
        InspectionReport h1187 = Reads.inspect(TestData.file(TestData.BIOC + "h1187-10k.vcf.gz"), null);
        assertCounts(h1187, 9999, 2, Map.of("snv", 191L, "mnv", 4L, "indel", 13L, "symbolic", 228L), 2);
        assertEquals(9565L, h1187.facts().get("no_alt"));
        // ex2.vcf (the VCF specification's example): 5 records, 3 samples, 2 multiallelic; 4 SNPs, 2 indels, 1 no-ALT
        InspectionReport ex2 = Reads.inspect(TestData.file(TestData.BIOC + "ex2.vcf"), null);
        assertCounts(ex2, 5, 3, Map.of("snv", 4L, "indel", 2L), 2);
        // structural.vcf: 7 records; norm -m- | stats: 1 indel, 6 others (bcftools warns the header lacks contig lines)
        assertCounts(Reads.inspect(TestData.file(TestData.BIOC + "structural.vcf"), null), 7, 1, Map.of("indel", 1L, "symbolic", 6L), 0);
    }

    private static List<String> ids(Dataset d) {
        return java.util.stream.IntStream.range(0, d.size()).mapToObj(d::id).toList();
    }
}
