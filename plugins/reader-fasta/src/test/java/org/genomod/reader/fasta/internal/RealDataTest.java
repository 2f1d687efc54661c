package org.genomod.reader.fasta.internal;

import static org.genomod.reader.fasta.internal.Reads.labels;
import static org.genomod.reader.fasta.internal.Reads.position;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real public data sets in ../shared/data (see its README). */
class RealDataTest {
    private static final float THIRD = 1f / 3;

    private static int indexOf(Dataset dataset, String id) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no record " + id);
    }

    @Test
    void uciSpliceJunctionIsReadCompletely() throws IOException {
        Dataset splice = Reads.train(TestData.file("uci-splice-junction/splice.data"));

        // Counts from: awk -F, '{gsub(/ /,"",$1); c[$1]++} END {for (k in c) print k, c[k]}' splice.data
        assertEquals(2552, splice.size());
        assertEquals(List.of("EI", "IE", "N"), splice.schema().outputs());
        assertEquals(TaskType.MULTICLASS, splice.schema().task());
        assertEquals(List.of(60, 4), splice.schema().featureShape());
        assertEquals("dna-one-hot", splice.schema().encoding());
        assertEquals("dna", splice.schema().attributes().get("alphabet"));
        assertEquals(60, splice.schema().attributes().get("length"));
        assertEquals("uci", splice.schema().attributes().get("format"));
        assertTrue(splice.labelled());
        Map<String, Integer> perClass = new HashMap<>();
        for (int i = 0; i < splice.size(); i++) {
            float[] oneHot = labels(splice, i);
            int hot = 0;
            for (int c = 0; c < 3; c++) {
                if (oneHot[c] == 1f) {
                    perClass.merge(splice.schema().outputs().get(c), 1, Integer::sum);
                    hot++;
                }
            }
            assertEquals(1, hot, "record " + splice.id(i) + " is not one-hot labelled");
            assertNull(splice.group(i));
        }
        assertEquals(Map.of("EI", 630, "IE", 600, "N", 1322), perClass);
    }

    @Test
    void uciSpliceJunctionEncodesBasesAndAmbiguityCodes() throws IOException {
        Dataset splice = Reads.train(TestData.file("uci-splice-junction/splice.data"));
        // line 1: EI, ATRINS-DONOR-521, CCAGCTGCAT...
        assertEquals("ATRINS-DONOR-521", splice.id(0));
        assertArrayEquals(new float[] {1, 0, 0}, labels(splice, 0));
        assertArrayEquals(new float[] {0, 1, 0, 0}, position(splice, 0, 0));
        assertArrayEquals(new float[] {1, 0, 0, 0}, position(splice, 0, 2));
        // The three records with D, R and S (found with awk on the sequence field).
        assertArrayEquals(new float[] {THIRD, 0, THIRD, THIRD}, position(splice, indexOf(splice, "HUMMHB27B-ACCEPTOR-1202"), 0));
        assertArrayEquals(new float[] {.5f, 0, .5f, 0}, position(splice, indexOf(splice, "HUMSPRO-ACCEPTOR-2841"), 34));
        assertArrayEquals(new float[] {0, .5f, .5f, 0}, position(splice, indexOf(splice, "HUMSPRO-ACCEPTOR-3195"), 35));
        // HUMALPI1-DONOR-42 ends in 41 Ns.
        assertArrayEquals(new float[] {.25f, .25f, .25f, .25f}, position(splice, indexOf(splice, "HUMALPI1-DONOR-42"), 59));
    }

    @Test
    void uciExactRepeatsAreKeptButConflictingDuplicatesAreNot(@TempDir Path dir) throws IOException {
        Path splice = TestData.file("uci-splice-junction/splice.data");
        Dataset data = Reads.train(splice);
        // 9 ids occur twice in the file, each time with the same class and sequence (lines 451 and 456, ...).
        long repeated = java.util.stream.IntStream.range(0, data.size()).mapToObj(data::id).distinct().count();
        assertEquals(2552 - 9, repeated);

        List<String> lines = Files.readAllLines(splice);
        lines.set(455, lines.get(455).replaceFirst("^EI", "IE")); // line 456 repeats 451's id with another class
        Path changed = Files.write(dir.resolve("splice.data"), lines);
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(changed));
        assertEquals(456, e.line());
        assertTrue(e.getMessage().contains("duplicate id 'HUMMYLCA-DONOR-644' (first used on line 451)"), e.getMessage());
    }

    @Test
    void jangguFastaIsReadForPrediction() throws IOException {
        Path fasta = TestData.file("janggu-oct4-vs-mafk-chipseq/oct4_test.fa");
        Dataset oct4 = Reads.predict(fasta, List.of("Oct4"));

        assertEquals(100, oct4.size());
        assertFalse(oct4.labelled());
        assertEquals(List.of(200, 4), oct4.schema().featureShape());
        assertEquals(TaskType.BINARY, oct4.schema().task());
        assertEquals("fasta", oct4.schema().attributes().get("format"));
        assertEquals("chr4:126246986-126247186", oct4.id(0));
        // The sequence starts with soft-masked (lower-case) "tact".
        assertArrayEquals(new float[] {0, 0, 0, 1}, position(oct4, 0, 0));
        assertArrayEquals(new float[] {1, 0, 0, 0}, position(oct4, 0, 1));
        assertArrayEquals(new float[] {0, 1, 0, 0}, position(oct4, 0, 2));
    }

    @Test
    void jangguFastaNeedsLabelsForTraining(@TempDir Path dir) throws Exception {
        Path fasta = TestData.file("janggu-oct4-vs-mafk-chipseq/oct4_test.fa");
        // Its headers carry only coordinates, so there is no label in them.
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(fasta));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("record 'chr4:126246986-126247186' has no label"), e.getMessage());

        // A side table labels them; here the first half "near" and the rest "far", by order in the file.
        StringBuilder table = new StringBuilder("id\tlabel\n");
        List<String> ids = Files.readAllLines(fasta).stream().filter(l -> l.startsWith(">")).map(l -> l.substring(1)).toList();
        for (int i = 0; i < ids.size(); i++) {
            table.append(ids.get(i)).append('\t').append(i < 50 ? "near" : "far").append('\n');
        }
        Path labelsFile = Files.writeString(dir.resolve("labels.tsv"), table);
        Dataset labelled = Reads.train(fasta, "labels_file", labelsFile.toString(), "positive", "near");
        assertEquals(TaskType.BINARY, labelled.schema().task());
        assertEquals(List.of("near"), labelled.schema().outputs());
        assertArrayEquals(new float[] {1}, labels(labelled, 0));
        assertArrayEquals(new float[] {0}, labels(labelled, 99));
        assertEquals(List.of(fasta, labelsFile), new FastaDataReader().inputs(
                new FastaDataReader().parameters().validate(Map.of("path", fasta.toString(), "labels_file", labelsFile.toString()), dir)));
    }

    @Test
    void deepBindGzippedTsvIsReadAsBinary() throws IOException {
        Path srf = TestData.file("deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_B.seq.gz");
        Dataset data = Reads.train(srf, "positive", "1");

        assertEquals(1000, data.size());
        assertEquals(TaskType.BINARY, data.schema().task());
        assertEquals(List.of("1"), data.schema().outputs());
        assertEquals(List.of(101, 4), data.schema().featureShape());
        assertEquals("tsv", data.schema().attributes().get("format"));
        assertEquals("seq_00002_peak", data.id(0)); // EventID column
        int positives = 0;
        for (int i = 0; i < data.size(); i++) {
            positives += (int) labels(data, i)[0];
        }
        assertEquals(500, positives); // Bound column: 500 ones, 500 zeros (zcat | cut -f4 | sort | uniq -c)
        assertArrayEquals(new float[] {0, 0, 1, 0}, position(data, 0, 0)); // GCGCGTGACG...
    }

    @Test
    void deepBindZeroOneLabelsDefaultToPositiveOneWhenBinary() throws IOException {
        Path srf = TestData.file("deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_B.seq.gz");
        assertEquals(List.of("1"), Reads.train(srf, "task", "binary").schema().outputs());
        Dataset multiclass = Reads.train(srf);
        assertEquals(TaskType.MULTICLASS, multiclass.schema().task());
        assertEquals(List.of("0", "1"), multiclass.schema().outputs());
    }

    @Test
    void ionmfClassTokensAreLabelsAndChromosomesAreGroups() throws IOException {
        Path pum2 = TestData.file("ionmf-rbp-clipseq/23_PARCLIP_PUM2_hg19/train.sequences.fa.gz");
        Dataset data = Reads.train(pum2, "task", "binary");

        // zcat train.sequences.fa.gz | awk '/^>/{n++; if (/class:1/) p++} END{print n, p}'  ->  30000 6000
        assertEquals(30000, data.size());
        assertEquals(TaskType.BINARY, data.schema().task());
        assertEquals(List.of("1"), data.schema().outputs());
        assertEquals(List.of(101, 4), data.schema().featureShape());
        int positives = 0;
        Map<String, Integer> perContig = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            positives += (int) labels(data, i)[0];
            perContig.merge(data.group(i), 1, Integer::sum);
        }
        assertEquals(6000, positives);
        // header "> chr1,+,69315,69415; class:0", sequence wrapped over 2 lines (60 + 41), starting ACTG
        assertEquals("chr1,+,69315,69415", data.id(0));
        assertArrayEquals(new float[] {0}, labels(data, 0));
        assertArrayEquals(new float[] {1, 0, 0, 0}, position(data, 0, 0));
        assertArrayEquals(new float[] {0, 0, 0, 1}, position(data, 0, 2));
        assertArrayEquals(new float[] {0, 1, 0, 0}, position(data, 0, 60)); // the second line starts CTCC
        // zcat ... | awk -F'[ ,]' '/^>/{c[$2]++} END{for (k in c) print k, c[k]}'
        assertEquals(25, perContig.size());
        assertEquals(3629, perContig.get("chr1"));
        assertEquals(1062, perContig.get("chr8"));
        assertEquals(1146, perContig.get("chr9"));
        assertEquals(22, perContig.get("chrM"));
        assertEquals(2, perContig.get("chrY"));
        assertEquals("chrY,-,26953491,26953591", data.id(29999));
    }

    @Test
    void ionmfTestSetsOfAllThreeProteins() throws IOException {
        for (String protein : List.of("23_PARCLIP_PUM2_hg19", "24_PARCLIP_QKI_hg19", "8_PARCLIP_ELAVL1_hg19")) {
            Dataset test = Reads.train(TestData.file("ionmf-rbp-clipseq/" + protein + "/test.sequences.fa.gz"));
            // zcat test.sequences.fa.gz | grep -o 'class:[01]' | sort | uniq -c  ->  8000 class:0, 2000 class:1
            assertEquals(10000, test.size(), protein);
            assertEquals(List.of("0", "1"), test.schema().outputs(), protein);
            int ones = 0;
            for (int i = 0; i < test.size(); i++) {
                ones += (int) labels(test, i)[1];
            }
            assertEquals(2000, ones, protein);
        }
    }

    @Test
    void uciPromotersWithTabPaddedSequences() throws IOException {
        Dataset promoters = Reads.train(TestData.file("uci-ecoli-promoters/promoters.data"), "positive", "+");
        // awk -F, '{c[$1]++; gsub(/[ \t]/, "", $3); l[length($3)]++} END {...}' promoters.data  ->  + 53, - 53, all 57 nt
        assertEquals(106, promoters.size());
        assertEquals(TaskType.BINARY, promoters.schema().task());
        assertEquals(List.of(57, 4), promoters.schema().featureShape());
        assertEquals("uci", promoters.schema().attributes().get("format"));
        int positives = 0;
        for (int i = 0; i < promoters.size(); i++) {
            positives += (int) labels(promoters, i)[0];
        }
        assertEquals(53, positives);
        assertEquals("S10", promoters.id(0)); // +,S10,\t\ttactagcaat...
        assertArrayEquals(new float[] {0, 0, 0, 1}, position(promoters, 0, 0));
        assertArrayEquals(new float[] {1, 0, 0, 0}, position(promoters, 0, 1));
        assertEquals("867", promoters.id(53)); // the first negative, line 54
        assertArrayEquals(new float[] {0}, labels(promoters, 53));
    }

    @Test
    void deepBindKmerProfiles() throws IOException {
        Path srf = TestData.file("deepbind-encode-chipseq-h1hesc/SRF_H1-hESC_SRF_HudsonAlpha_B.seq.gz");
        Dataset data = Reads.train(srf, "positive", "1", "encoding", "kmer", "k", 4, "kmer_values", "count");
        assertEquals(List.of(256), data.schema().featureShape());
        assertEquals("dna-4-mer-count", data.schema().encoding());
        float[] first = Reads.features(data, 0);
        // zcat SRF_..._B.seq.gz | awk -F'\t' 'NR==2 {s=$3; for (i=1; i<=length(s)-3; i++) c[substr(s,i,4)]++;
        //   print length(c), c["GCGC"], c["CGCG"], c["GGGG"], c["GCCG"], c["AAAA"]}'  ->  80 1 1 2 2 (none)
        assertEquals(1f, first[kmer("GCGC")]);
        assertEquals(1f, first[kmer("CGCG")]);
        assertEquals(2f, first[kmer("GGGG")]);
        assertEquals(2f, first[kmer("GCCG")]);
        assertEquals(0f, first[kmer("AAAA")]);
        int distinct = 0;
        float total = 0;
        for (float count : first) {
            distinct += count > 0 ? 1 : 0;
            total += count;
        }
        assertEquals(80, distinct);
        assertEquals(101 - 4 + 1, total); // no N in the file: grep -c '[^ACGT]' on the seq column gives 0
    }

    @Test
    void jangguCoordinatesGiveChromosomeGroups() throws IOException {
        Dataset oct4 = Reads.predict(TestData.file("janggu-oct4-vs-mafk-chipseq/oct4_train.fa"), List.of("Oct4"));
        // grep '>' oct4_train.fa | cut -d: -f1 | sort | uniq -c  ->  352 chr1, 198 chr8, 156 chr9, 2 chrY (3,897 in all)
        assertEquals(3897, oct4.size());
        Map<String, Integer> perContig = new HashMap<>();
        for (int i = 0; i < oct4.size(); i++) {
            perContig.merge(oct4.group(i), 1, Integer::sum);
        }
        assertEquals(352, perContig.get("chr1"));
        assertEquals(198, perContig.get("chr8"));
        assertEquals(156, perContig.get("chr9"));
        assertEquals(2, perContig.get("chrY"));
        assertEquals(24, perContig.size());
    }

    /** The index of a nucleotide k-mer in a profile: base-4 digits in ACGT order. */
    private static int kmer(String bases) {
        int index = 0;
        for (char c : bases.toCharArray()) {
            index = index * 4 + "ACGT".indexOf(c);
        }
        return index;
    }
}
