package org.genomod.reader.intervals.internal;

import static org.genomod.reader.intervals.internal.Reads.labels;
import static org.genomod.reader.intervals.internal.Reads.sequence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genomod.api.data.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background windows follow the positives' GC distribution. The reference alternates GC-rich (70 %),
 * AT-rich (30 %) and N blocks of 1,000 bases; the positives lie in GC-rich blocks.
 */
class GcMatchedNegativesTest {
    private static final int BLOCK = 1000;
    @TempDir
    Path dir;
    Path reference;
    Path positives;
    String chrG;

    @BeforeEach
    void writeData() throws IOException {
        Random random = new Random(3);
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < 90; b++) {
            double gc = b % 3 == 0 ? 0.7 : b % 3 == 1 ? 0.3 : -1;
            for (int i = 0; i < BLOCK; i++) {
                s.append(gc < 0 ? 'N' : random.nextDouble() < gc ? (random.nextBoolean() ? 'G' : 'C')
                        : (random.nextBoolean() ? 'A' : 'T'));
            }
        }
        chrG = s.toString();
        reference = Fixtures.fasta(dir, "gc.fa", "chrG", chrG, "chrX", Fixtures.random(5000, 9));
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            int start = b * 3 * BLOCK + 450;
            lines.add("chrG\t" + start + "\t" + (start + 100));
        }
        positives = Fixtures.text(dir, "pos.bed", lines.toArray(String[]::new));
    }

    private static int gcBin(String window, int bins) {
        int gc = 0;
        for (char c : window.toCharArray()) {
            gc += c == 'G' || c == 'C' ? 1 : 0;
        }
        return Math.min(bins - 1, gc * bins / window.length());
    }

    @Test
    void backgroundMatchesThePositivesGcBinsAndAvoidsThem() throws IOException {
        Dataset d = Reads.train(positives, reference, "window", 100, "negatives", "gc_matched", "negative_ratio", 3,
                "gc_bins", 5, "chromosomes", List.of("chrG"));
        assertEquals(40, d.size());
        int[] positive = new int[5];
        int[] background = new int[5];
        for (int i = 0; i < d.size(); i++) {
            String seq = sequence(d, i);
            assertFalse(seq.contains("N"), d.id(i));
            assertEquals("chrG", d.group(i));
            if (i < 10) {
                positive[gcBin(seq, 5)]++;
                assertArrayEquals(new float[] {1}, labels(d, i));
                continue;
            }
            background[gcBin(seq, 5)]++;
            assertArrayEquals(new float[] {0}, labels(d, i));
            assertTrue(d.id(i).endsWith("/background"), d.id(i));
            int start = Integer.parseInt(d.id(i).replaceAll("chrG:(\\d+)-.*", "$1")) - 1;
            assertEquals(chrG.substring(start, start + 100), seq, "background bases come from the reference");
            for (int p = 0; p < 10; p++) {
                int positiveStart = p * 3 * BLOCK + 450;
                assertTrue(start + 100 <= positiveStart || start >= positiveStart + 100, d.id(i) + " overlaps a positive");
            }
        }
        for (int b = 0; b < 5; b++) {
            assertEquals(3 * positive[b], background[b], "bin " + b);
        }
        assertEquals(30L, ReaderBehaviourTest.counts(d).get("background"));
        assertEquals(0L, ReaderBehaviourTest.counts(d).get("background_shortfall"));

        Dataset again = Reads.train(positives, reference, "window", 100, "negatives", "gc_matched", "negative_ratio", 3,
                "gc_bins", 5, "chromosomes", List.of("chrG"));
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.id(i), again.id(i), "seeded sampling repeats");
        }
    }

    @Test
    void backgroundStaysOnTheChromosomesRead() throws IOException {
        Dataset d = Reads.train(positives, reference, "window", 100, "negatives", "gc_matched", "gc_bins", 5,
                "exclude_chromosomes", List.of("chrX"));
        assertEquals(20, d.size());
        for (int i = 0; i < d.size(); i++) {
            assertEquals("chrG", d.group(i), d.id(i));
        }
    }

    @Test
    void shortfallIsCountedAndReported() throws IOException {
        Path blacklist = Fixtures.text(dir, "black.bed", "chrG\t30000\t90000");
        Dataset d = Reads.train(positives, reference, "window", 100, "negatives", "gc_matched", "negative_ratio", 100,
                "gc_bins", 5, "blacklist", blacklist.toString(), "chromosomes", List.of("chrG"));
        long found = (Long) ReaderBehaviourTest.counts(d).get("background");
        long missing = (Long) ReaderBehaviourTest.counts(d).get("background_shortfall");
        assertTrue(found > 0 && found <= 100, "found " + found); // 10 GC-rich blocks of 10 tiles before the blacklist
        assertEquals(1000, found + missing, "wanted 100 per positive");
        assertEquals(10 + found, d.size());
        for (int i = 10; i < d.size(); i++) {
            int start = Integer.parseInt(d.id(i).replaceAll("chrG:(\\d+)-.*", "$1")) - 1;
            assertTrue(start + 100 <= 30000, "window " + d.id(i) + " touches the blacklist");
        }
        assertTrue(ReaderBehaviourTest.warnings(d).stream()
                .anyMatch(w -> w.equals(missing + " GC-matched background windows could not be found (too few N-free, "
                        + "unoccupied windows in some GC bins)")));
    }
}
