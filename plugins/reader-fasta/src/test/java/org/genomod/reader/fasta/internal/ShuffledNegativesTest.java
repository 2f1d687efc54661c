package org.genomod.reader.fasta.internal;

import static org.genomod.reader.fasta.internal.Reads.features;
import static org.genomod.reader.fasta.internal.Reads.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.ReadContext;
import org.genomod.api.data.TaskType;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code negatives: shuffled}: DeepBind's dinucleotide-shuffled negatives for files of positives only. */
class ShuffledNegativesTest {
    private static final String DEEPBIND = "deepbind-encode-chipseq-h1hesc/";

    @TempDir
    Path dir;

    /** A DeepBind-style TSV of positives: {@code FoldID EventID seq Bound}, every Bound 1. */
    private Path positives(String name, int records, int length) throws IOException {
        Random random = new Random(records);
        StringBuilder tsv = new StringBuilder("FoldID\tEventID\tseq\tBound\n");
        for (int i = 0; i < records; i++) {
            StringBuilder seq = new StringBuilder();
            for (int p = 0; p < length; p++) {
                seq.append("ACGT".charAt(random.nextInt(4)));
            }
            tsv.append("A\tseq_").append(i).append("_peak\t").append(seq).append("\t1\n");
        }
        return Files.writeString(dir.resolve(name), tsv);
    }

    /** The bases of a one-hot example over A, C, G, T (each position exactly one base). */
    private static String bases(Dataset data, int index) {
        float[] oneHot = features(data, index);
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < oneHot.length; p += 4) {
            int hot = -1;
            for (int c = 0; c < 4; c++) {
                if (oneHot[p + c] == 1f) {
                    hot = c;
                }
            }
            assertTrue(hot >= 0, "position " + p / 4 + " of example " + index + " is not a single base");
            s.append("ACGT".charAt(hot));
        }
        return s.toString();
    }

    /** Counts of each dinucleotide, plus the first and the last base. */
    private static Map<String, Integer> dinucleotides(String s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            counts.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        counts.put("first " + s.charAt(0), 1);
        counts.put("last " + s.charAt(s.length() - 1), 1);
        return counts;
    }

    private static int positivesIn(Dataset data) {
        int positives = 0;
        for (int i = 0; i < data.size(); i++) {
            positives += (int) labels(data, i)[0];
        }
        return positives;
    }

    @Test
    void eachPositiveGetsRatioShufflesWithItsDinucleotideCounts() throws IOException {
        Path file = positives("pos.seq", 40, 50);
        Dataset data = Reads.train(file, "negatives", "shuffled", "negative_ratio", 3);

        assertEquals(160, data.size());
        assertEquals(TaskType.BINARY, data.schema().task());
        assertEquals(List.of("1"), data.schema().outputs());
        assertEquals("shuffled", data.schema().attributes().get("negatives"));
        assertEquals(3, data.schema().attributes().get("negative_ratio"));
        assertEquals(ReaderOptions.DEFAULT_NEGATIVE_SEED, data.schema().attributes().get("negative_seed"));
        assertEquals(40, positivesIn(data));
        for (int i = 0; i < 40; i++) {
            assertEquals("seq_" + i + "_peak", data.id(i));
            assertArrayEquals(new float[] {1}, labels(data, i));
            String positive = bases(data, i);
            for (int k = 1; k <= 3; k++) {
                int negative = 40 + 3 * i + k - 1;
                assertEquals("seq_" + i + "_peak/shuffle" + k, data.id(negative));
                assertArrayEquals(new float[] {0}, labels(data, negative));
                String shuffled = bases(data, negative);
                assertEquals(dinucleotides(positive), dinucleotides(shuffled), data.id(negative));
                assertNotEquals(positive, shuffled, data.id(negative)); // 50 random bases: a repeat is all but impossible
            }
        }
    }

    @Test
    void theDefaultsAreOneShuffleAndAFixedSeed() throws IOException {
        Path file = positives("pos.seq", 10, 30);
        Dataset byDefault = Reads.train(file, "negatives", "shuffled");
        Dataset explicit = Reads.train(file, "negatives", "shuffled", "negative_ratio", 1,
                "negative_seed", ReaderOptions.DEFAULT_NEGATIVE_SEED);
        assertEquals(20, byDefault.size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(features(explicit, i), features(byDefault, i), "example " + i);
        }
        assertEquals(10, Reads.train(file).size()); // negatives: none is the default
    }

    @Test
    void theSameSeedGivesTheSameShufflesAndAnotherSeedOthers() throws IOException {
        Path file = positives("pos.seq", 20, 60);
        Dataset first = Reads.train(file, "negatives", "shuffled", "negative_seed", 7);
        Dataset again = Reads.train(file, "negatives", "shuffled", "negative_seed", 7);
        Dataset other = Reads.train(file, "negatives", "shuffled", "negative_seed", 8);
        int differing = 0;
        for (int i = 20; i < 40; i++) {
            assertEquals(bases(first, i), bases(again, i));
            differing += bases(first, i).equals(bases(other, i)) ? 0 : 1;
        }
        assertEquals(20, differing);
    }

    @Test
    void lowerCaseBasesAreShuffledAsTheBasesTheyEncode() throws IOException {
        Path fasta = Files.writeString(dir.resolve("masked.fa"), ">chr4:100-130 1\nACGTacgtaaCCGGttACGTacgtGGCCaaTT\n");
        Dataset data = Reads.train(fasta, "negatives", "shuffled", "negative_ratio", 5);
        String positive = bases(data, 0);
        assertEquals("ACGTACGTAACCGGTTACGTACGTGGCCAATT", positive);
        for (int i = 1; i <= 5; i++) {
            assertEquals(dinucleotides(positive), dinucleotides(bases(data, i)));
            assertEquals("chr4", data.group(i)); // a shuffle stays with its positive in a chromosome hold-out
        }
    }

    @Test
    void predictionReadsTheFileAsItIs() throws IOException {
        Path file = positives("pos.seq", 12, 20);
        assertEquals(12, Reads.predict(file, List.of("1"), "negatives", "shuffled").size());

        FastaDataReader reader = new FastaDataReader();
        Map<String, Object> training = Map.of("format", "tsv", "negatives", "shuffled", "negative_ratio", 2,
                "negative_seed", 3, "labels", "header");
        Map<String, Object> prediction = reader.predictionParameters(training, file);
        assertEquals(Map.of("path", file.toString(), "labels", "none"), prediction);
    }

    @Test
    void anIndependentTestFileOfPositivesGetsItsNegativesForTheModelsOutput() throws IOException {
        Path file = positives("test.seq", 15, 20);
        Dataset test = Reads.read(file, new ReadContext(true, List.of("1"), Cancellation.NEVER), "negatives", "shuffled");
        assertEquals(30, test.size());
        assertEquals(15, positivesIn(test));
        assertEquals(List.of("1"), test.schema().outputs());
    }

    @Test
    void refusals() throws IOException {
        Path labelled = Files.writeString(dir.resolve("both.seq"),
                "FoldID\tEventID\tseq\tBound\nA\ts1\tACGTAC\t1\nA\ts2\tTTGACA\t1\nA\ts3\tGGCATT\t0\n");
        assertRejected(labelled, 4, "negatives: shuffled is for a file of positives only, but this record is "
                + "labelled '0' (the file has the classes [1, 0]); set negatives: none", "negatives", "shuffled");

        Path file = positives("pos.seq", 5, 12);
        assertRejected(file, 0, "the positive class 'bound' is not the file's one class '1'",
                "negatives", "shuffled", "positive", "bound");
        assertRejected(file, 0, "negatives: shuffled makes a binary task (positives against their shuffles), but task "
                + "is multiclass", "negatives", "shuffled", "task", "multiclass");
        assertRejected(file, 0, "k: 2 profiles cannot tell a shuffle from its positive",
                "negatives", "shuffled", "encoding", "kmer", "k", 2);
        assertEquals(10, Reads.train(file, "negatives", "shuffled", "encoding", "kmer", "k", 3).size());
        assertRejected(file, 0, "negative_ratio applies to negatives: shuffled only", "negative_ratio", 2);
        assertRejected(file, 0, "negative_seed applies to negatives: shuffled only", "negatives", "none", "negative_seed", 2);
        assertRejected(file, 0, "labels: none leaves the records unlabelled", "negatives", "shuffled", "labels", "none");

        Path protein = Files.writeString(dir.resolve("p.fa"), ">p1 1\nMKVLAAGIVG\n");
        assertRejected(protein, 0, "it has no meaning for alphabet: protein", "negatives", "shuffled", "alphabet", "protein");

        Path clash = Files.writeString(dir.resolve("clash.fa"), ">a 1\nACGTTGCA\n>a/shuffle1 1\nTTGCAACG\n");
        assertRejected(clash, 3, "record 'a/shuffle1' is named like shuffle 1 of record 'a', which negatives: shuffled adds",
                "negatives", "shuffled");

        InputFormatException other = assertThrows(InputFormatException.class, () -> Reads.read(file,
                new ReadContext(true, List.of("bound"), Cancellation.NEVER), "negatives", "shuffled"));
        assertTrue(other.getMessage().contains("differs from the model's output 'bound'"), other.getMessage());
    }

    private static void assertRejected(Path file, long line, String problem, Object... keyValues) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(file, keyValues));
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /**
     * DeepBind's TCF12 training file (7,333 positives, 101 bp; {@code zcat | tail -n +2 | wc -l}): every
     * record gets one shuffle with its exact dinucleotide counts, and the test file, which has its own
     * shuffled negatives, is refused unless read with {@code negatives: none}.
     */
    @Test
    void deepBindPositivesOnlyTrainingFile() throws IOException {
        Path ac = SharedData.file(DEEPBIND + "TCF12_H1-hESC_TCF12_HudsonAlpha_AC.seq.gz");
        Dataset data = Reads.train(ac, "negatives", "shuffled");

        assertEquals(2 * 7333, data.size());
        assertEquals(TaskType.BINARY, data.schema().task());
        assertEquals(List.of("1"), data.schema().outputs());
        assertEquals(List.of(101, 4), data.schema().featureShape());
        assertEquals(7333, positivesIn(data));
        assertEquals("seq_00001_peak/shuffle1", data.id(7333));
        int changed = 0;
        for (int i = 0; i < 7333; i++) {
            String positive = bases(data, i);
            String negative = bases(data, 7333 + i);
            assertEquals(dinucleotides(positive), dinucleotides(negative), data.id(7333 + i));
            changed += positive.equals(negative) ? 0 : 1;
        }
        assertEquals(7333, changed);

        Path b = SharedData.file(DEEPBIND + "TCF12_H1-hESC_TCF12_HudsonAlpha_B.seq.gz");
        InputFormatException e = assertThrows(InputFormatException.class, () -> Reads.train(b, "negatives", "shuffled"));
        assertTrue(e.getMessage().contains("set negatives: none for a file that brings its own negatives"), e.getMessage());
        Dataset test = Reads.read(b, new ReadContext(true, List.of("1"), Cancellation.NEVER), "negatives", "none");
        assertEquals(1000, test.size());
        assertEquals(500, positivesIn(test)); // Bound: 500 ones, 500 zeros
    }
}
