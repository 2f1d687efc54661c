package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.junit.jupiter.api.Test;

/**
 * Runs the inspector over every file in ../shared/data as {@code genomod inspect} does: it must claim
 * exactly the sequence files, read every one of them with the record counts found independently, and
 * reject the one malformed FASTA of htsjdk's test data.
 */
class InspectRealDataTest {
    /**
     * Records per claimed file. FASTA: {@code grep -c '>'} (zcat first); TSV: {@code zcat | tail -n +2 | wc -l};
     * UCI: {@code grep -c .}.
     */
    private static final Map<String, Long> RECORDS = Map.ofEntries(
            Map.entry("deepbind-encode-chipseq-h1hesc/SERBP1_H1-hESC_HudsonAlpha_AC.seq.gz", 1263L),
            Map.entry("deepbind-encode-chipseq-h1hesc/SERBP1_H1-hESC_HudsonAlpha_B.seq.gz", 2644L),
            Map.entry("deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_AC.seq.gz", 4605L),
            Map.entry("deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/SUZ12_H1-hESC_SUZ12_USC_AC.seq.gz", 4289L),
            Map.entry("deepbind-encode-chipseq-h1hesc/SUZ12_H1-hESC_SUZ12_USC_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TAF1_H1-hESC_TAF1_HudsonAlpha_AC.seq.gz", 20047L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TAF1_H1-hESC_TAF1_HudsonAlpha_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TAF7_H1-hESC_TAF7_SC-101167_HudsonAlpha_AC.seq.gz", 9975L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TAF7_H1-hESC_TAF7_SC-101167_HudsonAlpha_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TBP_H1-hESC_TBP_Stanford_AC.seq.gz", 16694L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TBP_H1-hESC_TBP_Stanford_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TCF12_H1-hESC_TCF12_HudsonAlpha_AC.seq.gz", 7333L),
            Map.entry("deepbind-encode-chipseq-h1hesc/TCF12_H1-hESC_TCF12_HudsonAlpha_B.seq.gz", 1000L),
            Map.entry("deepbind-encode-chipseq-h1hesc/USF2_H1-hESC_USF2_Stanford_AC.seq.gz", 6452L),
            Map.entry("deepbind-encode-chipseq-h1hesc/USF2_H1-hESC_USF2_Stanford_B.seq.gz", 1000L),
            Map.entry("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz", 1L),
            Map.entry("deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz", 1L),
            Map.entry("htsjdk-testdata/samtools/SequenceUtil/reference_with_lower_and_uppercase.fasta", 2L),
            Map.entry("htsjdk-testdata/samtools/cram/CRAMException/testContigNotInRef.fa", 1L),
            Map.entry("htsjdk-testdata/samtools/cram/human_g1k_v37.20.21.10M-10M200k.fasta", 2L),
            Map.entry("htsjdk-testdata/samtools/hg19mini.fasta", 4L),
            Map.entry("ionmf-rbp-clipseq/23_PARCLIP_PUM2_hg19/test.sequences.fa.gz", 10000L),
            Map.entry("ionmf-rbp-clipseq/23_PARCLIP_PUM2_hg19/train.sequences.fa.gz", 30000L),
            Map.entry("ionmf-rbp-clipseq/24_PARCLIP_QKI_hg19/test.sequences.fa.gz", 10000L),
            Map.entry("ionmf-rbp-clipseq/24_PARCLIP_QKI_hg19/train.sequences.fa.gz", 30000L),
            Map.entry("ionmf-rbp-clipseq/8_PARCLIP_ELAVL1_hg19/test.sequences.fa.gz", 10000L),
            Map.entry("ionmf-rbp-clipseq/8_PARCLIP_ELAVL1_hg19/train.sequences.fa.gz", 30000L),
            Map.entry("janggu-oct4-vs-mafk-chipseq/mafk_test.fa", 100L),
            Map.entry("janggu-oct4-vs-mafk-chipseq/mafk_train.fa", 3900L),
            Map.entry("janggu-oct4-vs-mafk-chipseq/oct4_test.fa", 100L),
            Map.entry("janggu-oct4-vs-mafk-chipseq/oct4_train.fa", 3897L),
            Map.entry("uci-ecoli-promoters/promoters.data", 106L),
            Map.entry("uci-splice-junction/splice.data", 2552L));
    /** htsjdk's CRAM test reference with a '.' among its bases: not a sequence this reader can encode. */
    private static final String MALFORMED = "htsjdk-testdata/samtools/cram/ambiguityCodes.fasta";

    private final SequenceFileInspector inspector = new SequenceFileInspector();

    @Test
    void claimsExactlyTheSequenceFilesAndReadsEachCompletely() throws IOException {
        Path data = TestData.directory();
        Map<String, Long> read = new TreeMap<>();
        Map<String, InspectionReport> reports = new TreeMap<>();
        TreeSet<String> claimed = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = data.relativize(file).toString().replace('\\', '/');
            if (!inspector.accepts(file, head(file))) {
                continue;
            }
            claimed.add(relative);
            if (!relative.equals(MALFORMED)) {
                reports.put(relative, inspector.inspect(file, null, Cancellation.NEVER));
                read.put(relative, reports.get(relative).records());
            }
        }
        TreeSet<String> expected = new TreeSet<>(RECORDS.keySet());
        expected.add(MALFORMED);
        assertEquals(expected, claimed, "the inspector must claim the sequence files and nothing else "
                + "(no BED, VCF, BAM, CRAM, expression, PLINK or network file)");
        assertEquals(new TreeMap<>(RECORDS), read);

        // The two bgzip references (read once, here: 63 Mbp each). cut -f1,2 *.fai  ->  chr20 63025520
        // (UCSC naming) and 20 63025520 (hs37d5).
        InspectionReport ucsc = reports.get("deepvariant-na12878-chr20/ucsc.hg19.chr20.unittest.fasta.gz");
        assertEquals(List.of("chr20"), ucsc.facts().get("contigs"));
        assertEquals(63_025_520L, ucsc.facts().get("total length"));
        assertEquals("63,025,520", ucsc.facts().get("length"));
        assertEquals(".fai+.gzi", ucsc.facts().get("index"));
        assertEquals("dna", ucsc.facts().get("alphabet"));
        assertEquals(List.of(), ucsc.warnings());
        InspectionReport hs37d5 = reports.get("deeptrio-hg001-trio-chr20/hs37d5.chr20.fa.gz");
        assertEquals(List.of("20"), hs37d5.facts().get("contigs"));
        assertEquals(63_025_520L, hs37d5.facts().get("total length"));
    }

    @Test
    void theMalformedHtsjdkFastaGetsOneClearLine() {
        Path file = TestData.file(MALFORMED);
        InputFormatException e = assertThrows(InputFormatException.class, () -> inspector.inspect(file, null, Cancellation.NEVER));
        // >Sheila / GCTAGCRM.gactAAAAAAAAAA
        assertEquals(file + ":2: record 'Sheila': invalid character '.' at position 9 (not a nucleotide or amino-acid code)",
                e.getMessage());
    }

    @Test
    void smallIndexedReferencesReportContigsAndTotalLength() throws IOException {
        // awk '{s += $2} END {print s}' hg19mini.fasta.fai  ->  64000; cut -f1  ->  1 2 3 4
        InspectionReport mini = inspect("htsjdk-testdata/samtools/hg19mini.fasta");
        assertEquals(List.of("1", "2", "3", "4"), mini.facts().get("contigs"));
        assertEquals(64_000L, mini.facts().get("total length"));
        assertEquals(".fai", mini.facts().get("index"));
        InspectionReport mixedCase = inspect("htsjdk-testdata/samtools/SequenceUtil/reference_with_lower_and_uppercase.fasta");
        assertEquals(List.of("chr1", "chr2"), mixedCase.facts().get("contigs"));
        assertEquals(32L, mixedCase.facts().get("total length"));
    }

    @Test
    void labelledSetsReportTheirClasses() throws IOException {
        InspectionReport ionmf = inspect("ionmf-rbp-clipseq/24_PARCLIP_QKI_hg19/train.sequences.fa.gz");
        // zcat train.sequences.fa.gz | grep -o 'class:[01]' | sort | uniq -c
        assertEquals("0:24,000 1:6,000", ionmf.facts().get("classes"));
        assertEquals("101", ionmf.facts().get("length"));
        InspectionReport splice = inspect("uci-splice-junction/splice.data");
        assertEquals("EI:630 IE:600 N:1,322", splice.facts().get("classes"));
        // 9 ids occur twice, each time with the same class and sequence (see RealDataTest)
        assertEquals(1, splice.warnings().size());
        assertTrue(splice.warnings().get(0).startsWith("9 records repeat an earlier record's id, sequence and label"),
                splice.warnings().toString());
        InspectionReport deepbind = inspect("deepbind-encode-chipseq-h1hesc/SERBP1_H1-hESC_HudsonAlpha_B.seq.gz");
        assertEquals("tsv", deepbind.format());
        assertEquals("0:1,322 1:1,322", deepbind.facts().get("classes"));
        InspectionReport janggu = inspect("janggu-oct4-vs-mafk-chipseq/mafk_train.fa");
        assertEquals(Map.of("alphabet", "dna", "length", "200", "total length", 780_000L), janggu.facts());
    }

    private InspectionReport inspect(String relative) throws IOException {
        return inspector.inspect(TestData.file(relative), null, Cancellation.NEVER);
    }

    /** The head the shell hands to accepts(): the first 64 KiB, decompressed when gzip. */
    private static byte[] head(Path file) throws IOException {
        try (PushbackInputStream raw = new PushbackInputStream(Files.newInputStream(file), 2)) {
            byte[] magic = raw.readNBytes(2);
            raw.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                return in.readNBytes(64 * 1024);
            } catch (IOException e) {
                return magic;
            }
        }
    }
}
