package org.genomod.reader.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Altschul–Erickson shuffles keep dinucleotide counts exactly and sample all such sequences evenly. */
class DinucleotideShuffleTest {

    /** Random A/C/G/T of the given length; the same for the same seed. */
    static String random(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append("ACGT".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    private static byte[] shuffle(String s, SplittableRandom random) {
        byte[] out = new byte[s.length()];
        DinucleotideShuffle.shuffle(s.getBytes(StandardCharsets.US_ASCII), out, random);
        return out;
    }

    /** Counts of each ordered pair of letters, plus the first and last letter. */
    private static Map<String, Integer> dinucleotides(String s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            counts.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        counts.put("first " + s.charAt(0), 1);
        counts.put("last " + s.charAt(s.length() - 1), 1);
        return counts;
    }

    @Test
    void randomSequencesKeepTheirDinucleotideCounts() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            String s = random(3 + trial % 300, trial);
            String shuffled = new String(shuffle(s, random), StandardCharsets.US_ASCII);
            assertEquals(dinucleotides(s), dinucleotides(shuffled), s + " -> " + shuffled);
        }
    }

    @Test
    void ambiguityCodesAndSkewedSequencesAreShuffledToo() {
        SplittableRandom random = new SplittableRandom(1);
        for (String s : List.of("NNNNNACGTNNNN", "AAAAAAAAAA", "ACACACACACAC", "ATATATATGGGGGGCCCCN", "RYKMACGTSWBDHVN",
                "AT", "A", "")) {
            String shuffled = new String(shuffle(s, random), StandardCharsets.US_ASCII);
            assertEquals(s.length(), shuffled.length());
            if (!s.isEmpty()) {
                assertEquals(dinucleotides(s), dinucleotides(shuffled), s + " -> " + shuffled);
            }
        }
    }

    @Test
    void seededShufflesRepeat() {
        String s = random(101, 3);
        assertArrayEquals(shuffle(s, new SplittableRandom(42)), shuffle(s, new SplittableRandom(42)));
        assertNotEquals(new String(shuffle(s, new SplittableRandom(42)), StandardCharsets.US_ASCII),
                new String(shuffle(s, new SplittableRandom(43)), StandardCharsets.US_ASCII));
    }

    /**
     * Every sequence with the same dinucleotide counts (and so the same first and last letter) is
     * equally likely: enumerate them for a short sequence and compare observed frequencies.
     */
    @Test
    void allSequencesWithTheSameCountsAreEquallyLikely() {
        String s = "ACAGTACGAT";
        Set<String> classmates = new HashSet<>();
        permute(s.toCharArray(), 1, s.length() - 1, dinucleotides(s), classmates);
        assertTrue(classmates.size() >= 5, "too few sequences to test uniformity: " + classmates);

        SplittableRandom random = new SplittableRandom(11);
        Map<String, Integer> seen = new HashMap<>();
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            seen.merge(new String(shuffle(s, random), StandardCharsets.US_ASCII), 1, Integer::sum);
        }
        assertEquals(classmates, seen.keySet(), "the shuffle must reach exactly the sequences with equal counts");
        double expected = (double) draws / classmates.size();
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            // 6 standard deviations of a binomial count: fails only for a real bias
            double sd = Math.sqrt(expected * (1 - 1.0 / classmates.size()));
            assertTrue(Math.abs(e.getValue() - expected) < 6 * sd, e + " expected about " + expected);
        }
    }

    /** All distinct arrangements of positions [from, to) of {@code a} whose dinucleotide counts equal {@code target}. */
    private static void permute(char[] a, int from, int to, Map<String, Integer> target, Set<String> out) {
        if (from == to) {
            String s = new String(a);
            if (dinucleotides(s).equals(target)) {
                out.add(s);
            }
            return;
        }
        Set<Character> tried = new HashSet<>();
        for (int i = from; i < to; i++) {
            if (tried.add(a[i])) {
                char t = a[from];
                a[from] = a[i];
                a[i] = t;
                permute(a, from + 1, to, target, out);
                a[i] = a[from];
                a[from] = t;
            }
        }
    }

    /** Janggu's Oct4 ChIP-seq peaks (3,897 x 200 bp): every shuffle keeps its counts and differs from its source. */
    @Test
    void realPeakSequencesKeepTheirDinucleotideCounts() throws IOException {
        Path fasta = SharedData.file("janggu-oct4-vs-mafk-chipseq/oct4_train.fa");
        SplittableRandom random = new SplittableRandom(5);
        int records = 0;
        int changed = 0;
        for (String line : Files.readAllLines(fasta)) {
            if (line.startsWith(">") || line.isBlank()) {
                continue;
            }
            String s = line.trim().toUpperCase();
            String shuffled = new String(shuffle(s, random), StandardCharsets.US_ASCII);
            assertEquals(dinucleotides(s), dinucleotides(shuffled), "record " + records);
            changed += shuffled.equals(s) ? 0 : 1;
            records++;
        }
        assertEquals(3897, records); // grep -c '>' oct4_train.fa (one sequence line per record)
        assertEquals(records, changed);
    }
}
