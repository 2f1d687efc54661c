package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link OneHotMaxima} against the convolution and maximum written out, on one-hot input and on input that is not. */
class OneHotMaximaTest {
    private static final OneHotMaxima.Then NOTHING = (first, end) -> { };

    /** The examples each call of what follows the maxima was given, from any thread. */
    private static final class Followed implements OneHotMaxima.Then {
        private final int[] times;

        Followed(int batch) {
            times = new int[batch];
        }

        @Override
        public synchronized void examples(int first, int end) {
            for (int b = first; b < end; b++) {
                times[b]++;
            }
        }

        synchronized void assertAtMostOnce() {
            for (int b = 0; b < times.length; b++) {
                assertTrue(times[b] <= 1, "example " + b + " followed " + times[b] + " times");
            }
        }

        /** Examples {@code first .. end − 1} followed once each, and the others not at all. */
        synchronized void assertEveryExampleOnce(int first, int end) {
            for (int b = 0; b < times.length; b++) {
                assertEquals(b >= first && b < end ? 1 : 0, times[b], "times example " + b + " was followed");
            }
        }
    }

    @ParameterizedTest(name = "batch {0}, {1} channels of {2}, {3} filters of width {4}, padding {5}, bias {6}")
    @CsvSource({
            "256, 4, 101, 16, 24, 0, true",   // DeepBind
            "1, 4, 101, 16, 24, 0, true",     // one example: a smaller block
            "7, 4, 40, 5, 7, 3, false",       // same padding, fewer filters than a pass takes, no bias
            "9, 20, 40, 13, 5, 2, true",      // a protein alphabet
            "3, 4, 40, 10, 1, 0, true",       // width 1
            "4, 4, 31, 8, 30, 0, true"})      // two windows
    void maximaAreTheConvolutionsOnOneHotInput(int batch, int channels, int length, int filters, int width, int padding,
                                               boolean bias) {
        Random random = new Random(batch * 31L + channels);
        float[] input = oneHot(batch, channels, length, random);
        float[] filterRows = filterRows(filters, channels, width, bias, random);
        float[] maxima = new float[batch * filters];
        Followed followed = new Followed(batch);
        assertTrue(new OneHotMaxima().maxima(input, batch, channels, length, padding, filterRows, filters, width, bias, maxima,
                followed));
        assertClose(convolutionMaxima(input, batch, channels, length, padding, filterRows, filters, width, bias), maxima);
        followed.assertEveryExampleOnce(0, batch);
    }

    /**
     * Split over three threads, the batch's maxima are the same and what follows runs once on every example; input
     * that is not one-hot in the last example is still refused, and its task writes nothing and runs nothing.
     */
    @Test
    void batchesSplitOverThreadsGiveTheSameMaxima() {
        PartsTest.withThreads(3, () -> {
            Random random = new Random(6);
            float[] input = oneHot(200, 4, 101, random);
            float[] filterRows = filterRows(16, 4, 24, true, random);
            float[] maxima = new float[200 * 16];
            OneHotMaxima oneHot = new OneHotMaxima();
            Followed followed = new Followed(200);
            assertTrue(oneHot.maxima(input, 200, 4, 101, 0, filterRows, 16, 24, true, maxima, followed));
            assertClose(convolutionMaxima(input, 200, 4, 101, 0, filterRows, 16, 24, true), maxima);
            followed.assertEveryExampleOnce(0, 200);

            input[(199 * 4 + 2) * 101 + 100] = 0.5f;
            Arrays.fill(maxima, 42f);
            Followed afterRefusal = new Followed(200);
            assertFalse(oneHot.maxima(input, 200, 4, 101, 0, filterRows, 16, 24, true, maxima, afterRefusal));
            afterRefusal.assertAtMostOnce();
            assertEquals(0, afterRefusal.times[199], "followed although not one-hot");
            assertEquals(1, afterRefusal.times[0], "a one-hot task not followed");
            for (int f = 0; f < 16; f++) {
                assertEquals(42f, maxima[199 * 16 + f], "the refused example written");
            }
        });
    }

    @Test
    void inputThatIsNotOneHotIsLeftToTheConvolution() {
        Random random = new Random(3);
        float[] filterRows = filterRows(16, 4, 24, true, random);
        float[] clean = oneHot(5, 4, 101, random);
        // position 17 of example 3, channel by channel: a soft N, a half, a two, a negative one, two ones, NaN
        float[][] positions = {{0.25f, 0.25f, 0.25f, 0.25f}, {0.5f, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, -1, 0}, {1, 0, 1, 0},
                {0, Float.NaN, 0, 0}};
        for (float[] position : positions) {
            float[] input = clean.clone();
            for (int c = 0; c < 4; c++) {
                input[(3 * 4 + c) * 101 + 17] = position[c];
            }
            float[] maxima = new float[5 * 16];
            Arrays.fill(maxima, 42f);
            Followed followed = new Followed(5);
            assertFalse(new OneHotMaxima().maxima(input, 5, 4, 101, 0, filterRows, 16, 24, true, maxima, followed),
                    Arrays.toString(position));
            for (float value : maxima) {
                assertEquals(42f, value, "written although the input is not one-hot: " + Arrays.toString(position));
            }
            followed.assertEveryExampleOnce(0, 0);
        }
    }

    @Test
    void theTableFollowsChangedFilters() {
        Random random = new Random(4);
        float[] input = oneHot(6, 4, 101, random);
        float[] filterRows = filterRows(16, 4, 24, true, random);
        OneHotMaxima oneHot = new OneHotMaxima();
        float[] maxima = new float[6 * 16];
        assertTrue(oneHot.maxima(input, 6, 4, 101, 0, filterRows, 16, 24, true, maxima, NOTHING));
        for (int i = 0; i < filterRows.length; i += 7) {
            filterRows[i] += 0.5f; // a training step
        }
        assertTrue(oneHot.maxima(input, 6, 4, 101, 0, filterRows, 16, 24, true, maxima, NOTHING));
        assertClose(convolutionMaxima(input, 6, 4, 101, 0, filterRows, 16, 24, true), maxima);
    }

    @Test
    void blockSizeWeighsTheTableAgainstTheLookups() {
        // DeepBind, 256 examples: blocks of 4 (6 lookups per window, a table of 60,000 floats)
        assertEquals(4, OneHotMaxima.blockSize(256, 78, 24, 5, 16));
        // one example does not pay for that table
        assertEquals(2, OneHotMaxima.blockSize(1, 78, 24, 5, 16));
        // a table that would not fit: none
        assertEquals(0, OneHotMaxima.blockSize(256, 78, 24, 1001, 16));
        float[] maxima = new float[16];
        assertFalse(new OneHotMaxima().maxima(new float[1000 * 101], 1, 1000, 101, 0, new float[16 * (1000 * 24 + 1)], 16,
                24, true, maxima, NOTHING));
    }

    /** {@code batch} sequences {@code [batch, channels, length]}, one channel set per position but every ninth (an N). */
    static float[] oneHot(int batch, int channels, int length, Random random) {
        float[] values = new float[batch * channels * length];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < length; p++) {
                if (random.nextInt(9) > 0) {
                    values[(b * channels + random.nextInt(channels)) * length + p] = 1;
                }
            }
        }
        return values;
    }

    private static float[] filterRows(int filters, int channels, int width, boolean bias, Random random) {
        float[] rows = new float[filters * (channels * width + (bias ? 1 : 0))];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian();
        }
        return rows;
    }

    /** The convolution (zeros past the ends) and each filter's maximum over the windows, in doubles. */
    private static float[] convolutionMaxima(float[] input, int batch, int channels, int length, int padding,
                                             float[] filterRows, int filters, int width, boolean bias) {
        int rows = channels * width + (bias ? 1 : 0);
        int windows = length + 2 * padding - width + 1;
        float[] maxima = new float[batch * filters];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < windows; t++) {
                    double sum = bias ? filterRows[f * rows + rows - 1] : 0;
                    for (int c = 0; c < channels; c++) {
                        for (int k = 0; k < width; k++) {
                            int p = t + k - padding;
                            if (p >= 0 && p < length) {
                                sum += filterRows[f * rows + c * width + k] * input[(b * channels + c) * length + p];
                            }
                        }
                    }
                    best = Math.max(best, sum);
                }
                maxima[b * filters + f] = (float) best;
            }
        }
        return maxima;
    }

    /** To 1e-5 of the largest value: the sums are added in another order. */
    private static void assertClose(float[] expected, float[] actual) {
        float scale = 1;
        for (float value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        assertArrayEquals(expected, actual, 1e-5f * scale);
    }
}
