package org.genomod.reader.alignments.internal;

import static org.genomod.reader.alignments.internal.Reads.PREDICTION;
import static org.genomod.reader.alignments.internal.Reads.TRAINING;
import static org.genomod.reader.alignments.internal.Reads.level;
import static org.genomod.reader.alignments.internal.Synthetic.bases;
import static org.genomod.reader.alignments.internal.Synthetic.read;
import static org.genomod.reader.alignments.internal.Synthetic.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tensor of one hand-made candidate, value by value, against DeepVariant's encoding
 * (pileup_channel_lib.cc, default PileupImageOptions).
 */
class PileupImageTest {
    private static final int WIDTH = 11;
    private static final int BASE = 0;
    private static final int QUALITY = 1;
    private static final int MAPQ = 2;
    private static final int STRAND = 3;
    private static final int SUPPORT = 4;
    private static final int DIFFERS = 5;

    /**
     * Reads around position 20 (reference T), window 15..25 (GTACGTACGTA):
     * r1 20M from 11, A at 20, MAPQ 60, Q40; r3 8M2D10M from 12 (20-21 deleted); r2 3S10M from 15, reverse,
     * A at 20, MAPQ 30, Q20; r4 10M from 16, T at 20 with Q2 (left out); r5 5M2I5M from 18 (GG after 22).
     */
    private static Path alignments(Path dir) throws IOException {
        return Synthetic.sam(dir, "reads.sam",
                read("r1", 0, 11, 60, "20M", with(11, 30, 20, 'A'), 'I'),
                read("r3", 0, 12, 60, "8M2D10M", bases(12, 19) + bases(22, 31), 'I'),
                read("r2", 16, 15, 30, "3S10M", "NNN" + with(15, 24, 20, 'A'), '5'),
                "r4\t0\tref\t16\t60\t10M\t*\t0\t0\t" + bases(16, 25) + "\tIIII#IIIII",
                read("r5", 0, 18, 60, "5M2I5M", bases(18, 22) + "GG" + bases(23, 27), 'I'));
    }

    private static int[] levels(float[] features, int row, int channel) {
        int[] out = new int[WIDTH];
        for (int col = 0; col < WIDTH; col++) {
            out[col] = level(features, WIDTH, row, col, channel);
        }
        return out;
    }

    @Test
    void everyChannelFollowsDeepVariant(@TempDir Path dir) throws IOException {
        Path reference = Synthetic.reference(dir);
        Dataset dataset = Reads.read(alignments(dir), PREDICTION, "reference", reference.toString(), "width", 11,
                "reference_rows", 1, "max_reads", 5);
        // depth at 20: r1 A, r2 A, r3 deletion, r5 T (r4's T is below quality 10): A 2 of 4 makes the only candidate
        assertEquals(List.of("ref:20:T>A"), List.of(dataset.id(0)));
        assertEquals(1, dataset.size());
        assertEquals(List.of(6, 11, 6), dataset.schema().featureShape());
        float[] f = Reads.features(dataset, 0);

        // row 0, reference: G T A C G T A C G T A
        assertArrayEquals(new int[] {180, 100, 250, 30, 180, 100, 250, 30, 180, 100, 250}, levels(f, 0, BASE));
        assertArrayEquals(filled(254), levels(f, 0, QUALITY));
        assertArrayEquals(filled(254), levels(f, 0, MAPQ));
        assertArrayEquals(filled(70), levels(f, 0, STRAND));
        assertArrayEquals(filled(152), levels(f, 0, SUPPORT));
        assertArrayEquals(filled(50), levels(f, 0, DIFFERS));

        // rows sorted by alignment start: r1 (11), r3 (12), r2 (15), r5 (18); r4 left out
        // r1: A at the centre, differs there only; quality 40 -> 254; MAPQ 60 -> 254; forward; supports
        assertArrayEquals(new int[] {180, 100, 250, 30, 180, 250, 250, 30, 180, 100, 250}, levels(f, 1, BASE));
        assertArrayEquals(filled(254), levels(f, 1, QUALITY));
        assertArrayEquals(filled(254), levels(f, 1, SUPPORT));
        assertArrayEquals(new int[] {50, 50, 50, 50, 50, 254, 50, 50, 50, 50, 50}, levels(f, 1, DIFFERS));

        // r3: the deletion is marked on its anchor (19, column 4) as '*': base 0, differs; 20 and 21 stay empty
        assertArrayEquals(new int[] {180, 100, 250, 30, 0, 0, 0, 30, 180, 100, 250}, levels(f, 2, BASE));
        assertArrayEquals(new int[] {254, 254, 254, 254, 254, 0, 0, 254, 254, 254, 254}, levels(f, 2, QUALITY));
        assertArrayEquals(new int[] {50, 50, 50, 50, 254, 0, 0, 50, 50, 50, 50}, levels(f, 2, DIFFERS));
        assertArrayEquals(new int[] {152, 152, 152, 152, 152, 0, 0, 152, 152, 152, 152}, levels(f, 2, SUPPORT));

        // r2: reverse strand 240, MAPQ 30 -> 127, quality 20 -> 127; the soft clip's anchor (14) is outside the window
        assertArrayEquals(new int[] {180, 100, 250, 30, 180, 250, 250, 30, 180, 100, 0}, levels(f, 3, BASE));
        assertArrayEquals(new int[] {127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 0}, levels(f, 3, QUALITY));
        assertArrayEquals(new int[] {127, 127, 127, 127, 127, 127, 127, 127, 127, 127, 0}, levels(f, 3, MAPQ));
        assertArrayEquals(new int[] {240, 240, 240, 240, 240, 240, 240, 240, 240, 240, 0}, levels(f, 3, STRAND));
        assertArrayEquals(new int[] {254, 254, 254, 254, 254, 254, 254, 254, 254, 254, 0}, levels(f, 3, SUPPORT));

        // r5: starts at 18 (column 3); the insertion after 22 overwrites its anchor (column 7) with '*'
        assertArrayEquals(new int[] {0, 0, 0, 30, 180, 100, 250, 0, 180, 100, 250}, levels(f, 4, BASE));
        assertArrayEquals(new int[] {0, 0, 0, 50, 50, 50, 50, 254, 50, 50, 50}, levels(f, 4, DIFFERS));
        assertArrayEquals(new int[] {0, 0, 0, 152, 152, 152, 152, 152, 152, 152, 152}, levels(f, 4, SUPPORT));

        // row 5 (the fifth read row) is unused: all zero
        for (int channel = 0; channel < 6; channel++) {
            assertArrayEquals(filled(0), levels(f, 5, channel));
        }
        for (float v : f) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void moreReadsThanRowsAreSampledTheSameWayEveryTime(@TempDir Path dir) throws IOException {
        Path reference = Synthetic.reference(dir);
        Path sam = alignments(dir);
        Dataset first = Reads.read(sam, PREDICTION, "reference", reference.toString(), "width", 11, "reference_rows", 0, "max_reads", 2);
        Dataset second = Reads.read(sam, PREDICTION, "reference", reference.toString(), "width", 11, "reference_rows", 0, "max_reads", 2);
        float[] f = Reads.features(first, 0);
        assertArrayEquals(f, Reads.features(second, 0));
        int rows = 0;
        for (int row = 0; row < 2; row++) {
            rows += level(f, WIDTH, row, 5, MAPQ) > 0 || level(f, WIDTH, row, 4, MAPQ) > 0 ? 1 : 0;
        }
        assertEquals(2, rows, "both rows hold a read");
    }

    @Test
    void truthGenotypesLabelTheCandidate(@TempDir Path dir) throws IOException {
        Path reference = Synthetic.reference(dir);
        Path truth = Files.writeString(dir.resolve("truth.vcf"), String.join("\n",
                "##fileformat=VCFv4.2", "##contig=<ID=ref,length=40>", "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS", "ref\t20\t.\tT\tA\t50\tPASS\t.\tGT\t0/1", ""));
        Dataset dataset = Reads.read(alignments(dir), TRAINING, "reference", reference.toString(), "truth_vcf", truth.toString());
        assertArrayEquals(new float[] {0, 1, 0}, Reads.labels(dataset, 0));
    }

    private static int[] filled(int value) {
        int[] out = new int[WIDTH];
        java.util.Arrays.fill(out, value);
        return out;
    }

    @Test
    void thePositionsLayoutIsTheImageTransposed(@TempDir Path dir) throws IOException {
        Path reference = Synthetic.reference(dir);
        Path sam = alignments(dir);
        Dataset image = Reads.read(sam, PREDICTION, "reference", reference.toString(), "width", 11, "reference_rows", 1, "max_reads", 5);
        Dataset positions = Reads.read(sam, PREDICTION, "reference", reference.toString(), "width", 11, "reference_rows", 1,
                "max_reads", 5, "layout", "positions");
        assertEquals(List.of(11, 36), positions.schema().featureShape());
        assertEquals("positions", positions.schema().attributes().get("layout"));
        float[] a = Reads.features(image, 0);
        float[] b = Reads.features(positions, 0);
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < WIDTH; col++) {
                for (int channel = 0; channel < 6; channel++) {
                    assertEquals(a[(row * WIDTH + col) * 6 + channel], b[col * 36 + row * 6 + channel], row + "," + col + "," + channel);
                }
            }
        }
    }
}
