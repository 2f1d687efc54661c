package org.genomod.model.cnn.internal;

import java.util.Arrays;

/**
 * Each filter's largest response over the windows of a one-hot batch (global max pooling of a convolution with
 * unit stride and dilation), by table lookups instead of multiply-adds.
 * <p>
 * When every position's channels are 0 or 1 with at most one 1 (a base, or none: an N, or the padding past the
 * ends), a window's response is a sum of one weight per position. Summed ahead of time over blocks of {@code k}
 * positions for every combination of their symbols, it becomes a sum of {@code ⌈width / k⌉} table entries, each
 * holding the partial sums of eight filters side by side. For DeepBind's 16 filters of 4 × 24 that is 6 lookups of
 * 16 partial sums per window, where the convolution does 96 multiply-adds per filter; the maxima are taken as the
 * sums are made, so the responses are never stored.
 * <p>
 * Why: in DeepBind's inference Deeplearning4j's convolution (oneDNN) and the reduction over its output were
 * three quarters of the time, at the machine's matrix-product speed; the products were mostly by zeros.
 * The sums are in another order than the convolution's, so results differ from it by float rounding only.
 */
final class OneHotMaxima {
    /** Table floats at most: 256 KiB, within a core's L2 cache. */
    static final int TABLE_FLOATS = 1 << 16;
    /** Positions per block at most. */
    private static final int BLOCK = 4;
    /** Filters per pass: their running sums and maxima stay in registers. */
    private static final int GROUP = 8;

    /** Examples per thread at least when the batch is split over threads ({@link Parts}): about 0.1 ms of work. */
    private static final int EXAMPLES_PER_THREAD = 32;
    /** Examples per task the threads take when they split a batch: small, so that they finish close together. */
    private static final int EXAMPLES_PER_TASK = 16;

    /** The table and what it was built from, reused while the filters are unchanged. */
    private float[] table;
    private float[] tableFilters;
    private int[] tableShape;
    /** Per example and position (padding included): its symbol, {@code 0..channels}, {@code channels} for none. */
    private int[] symbols;
    private final FloatRows.Slots<Scratch> scratch = new FloatRows.Slots<>(Scratch::new);

    /** One thread's arrays, per position of one example. */
    private static final class Scratch {
        /** Summed over channels: the values, the values times their channel, and |v (1 − v)|. */
        float[] count;
        float[] channelSum;
        float[] misfit;
        /** The table offset of the block of symbols starting at each position. */
        int[] codes;
        final float[] group = new float[GROUP];
    }

    /** What runs next on the thread that has just written the maxima of examples {@code first .. end − 1}. */
    @FunctionalInterface
    interface Then {
        void examples(int first, int end);
    }

    /**
     * Writes into {@code maxima} ({@code [batch, filters]}) each example's and filter's largest response over the
     * windows of {@code input} ({@code [batch, channels, length]}, row-major, zeros past both ends when padded), the
     * bias included, and returns true; or returns false when {@code input} is not one-hot or the table would be too
     * large. {@code filterRows} is {@code [filters, channels × width (+ 1 for the bias)]}, channel-major, as
     * {@link UnfoldedConvolution#filterRows} gives it.
     * <p>
     * Large batches are split into tasks for several threads ({@link Parts#take}), each checking and scanning its own
     * examples, then running {@code then} on them. A task whose examples are not all one-hot writes nothing and does
     * not run {@code then}; the other tasks' maxima may be written when the result is false.
     */
    boolean maxima(float[] input, int batch, int channels, int length, int padding, float[] filterRows, int filters,
                   int width, boolean bias, float[] maxima, Then then) {
        int windows = length + 2 * padding - width + 1;
        int slots = (filters + GROUP - 1) / GROUP * GROUP;
        int block = blockSize(batch, windows, width, channels + 1, slots);
        if (windows < 1 || block == 0) {
            return false;
        }
        int blocks = (width + block - 1) / block;
        // positions read: every window's blocks, past the filter's end too (zero weights there)
        int span = windows - 1 + blocks * block;
        int threads = Parts.of(batch / EXAMPLES_PER_THREAD);
        int tasks = threads == 1 ? 1 : Math.max(threads, batch / EXAMPLES_PER_TASK);
        symbols = symbols == null || symbols.length < batch * span ? new int[batch * span] : symbols;
        int combinations = power(channels + 1, block);
        int blockStride = combinations * slots;
        // made before the threads start (not thread-safe), though input that is not one-hot will not use it
        float[] table = table(filterRows, filters, channels, width, bias, block, blocks, combinations, slots);
        int rows = channels * width + (bias ? 1 : 0);
        int positions = windows + (blocks - 1) * block;
        boolean[] oneHot = new boolean[tasks];
        // one pass of the threads per batch: each task checks its examples, scans them, then runs what follows
        Parts.take(tasks, threads, (slot, task) -> {
            int first = Parts.start(batch, tasks, task);
            int end = Parts.start(batch, tasks, task + 1);
            Scratch own = scratch.get(slot);
            if (!symbols(input, first, end, channels, length, padding, span, own)) {
                return;
            }
            own.codes = own.codes == null || own.codes.length < positions ? new int[positions] : own.codes;
            for (int b = first; b < end; b++) {
                encode(b * span, positions, block, channels + 1, slots, own.codes);
                for (int g = 0; g < slots; g += GROUP) {
                    scan(table, own.codes, windows, blocks, block, blockStride, g, own.group);
                    for (int f = g; f < Math.min(g + GROUP, filters); f++) {
                        maxima[b * filters + f] = own.group[f - g] + (bias ? filterRows[f * rows + rows - 1] : 0);
                    }
                }
            }
            then.examples(first, end);
            oneHot[task] = true;
        });
        for (boolean taskOneHot : oneHot) {
            if (!taskOneHot) {
                return false;
            }
        }
        return true;
    }

    /**
     * The block size costing least, counting the table's making and the lookups, among those whose table fits in
     * {@link #TABLE_FLOATS}; 0 when none does.
     */
    static int blockSize(int batch, int windows, int width, int symbols, int slots) {
        int best = 0;
        double bestCost = Double.MAX_VALUE;
        for (int block = 1; block <= Math.min(BLOCK, width); block++) {
            int blocks = (width + block - 1) / block;
            double entries = blocks * Math.pow(symbols, block) * slots;
            if (entries > TABLE_FLOATS) {
                break;
            }
            double cost = entries * block + (double) batch * windows * blocks * slots;
            if (cost < bestCost) {
                best = block;
                bestCost = cost;
            }
        }
        return best;
    }

    /** The {@link #symbols} of examples {@code first} to {@code end − 1}; false when a position is not one-hot. */
    private boolean symbols(float[] input, int first, int end, int channels, int length, int padding, int span,
                            Scratch own) {
        Arrays.fill(symbols, first * span, end * span, channels);
        float[] count = own.count = FloatRows.scratch(own.count, length);
        float[] channelSum = own.channelSum = FloatRows.scratch(own.channelSum, length);
        float[] misfit = own.misfit = FloatRows.scratch(own.misfit, length);
        for (int b = first; b < end; b++) {
            Arrays.fill(count, 0, length, 0f);
            Arrays.fill(channelSum, 0, length, 0f);
            Arrays.fill(misfit, 0, length, 0f);
            // channel by channel along the positions, so that the loops vectorise; v (1 − v) is 0 for 0 and 1 only
            for (int c = 0; c < channels; c++) {
                int row = (b * channels + c) * length;
                float channel = c;
                for (int p = 0; p < length; p++) {
                    float v = input[row + p];
                    count[p] += v;
                    channelSum[p] += v * channel;
                    misfit[p] += Math.abs(v * (1 - v));
                }
            }
            int at = b * span + padding;
            for (int p = 0; p < length; p++) {
                if (!(misfit[p] == 0 && count[p] <= 1)) { // NaN fails too
                    return false;
                }
                if (count[p] == 1) {
                    symbols[at + p] = (int) channelSum[p];
                }
            }
        }
        return true;
    }

    /** The table {@code [blocks, combinations, slots]}: per block and combination of symbols, each filter's partial sum. */
    private float[] table(float[] filterRows, int filters, int channels, int width, boolean bias, int block, int blocks,
                          int combinations, int slots) {
        int[] shape = {block, channels, width, slots, filters};
        if (table != null && Arrays.equals(shape, tableShape) && Arrays.equals(filterRows, tableFilters)) {
            return table;
        }
        int symbols = channels + 1;
        int rows = channels * width + (bias ? 1 : 0);
        // the weights as [position, symbol, slot], zero for none, past the width and past the filters
        float[] columns = new float[blocks * block * symbols * slots];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < width; k++) {
                    columns[(k * symbols + c) * slots + f] = filterRows[f * rows + c * width + k];
                }
            }
        }
        float[] made = new float[blocks * combinations * slots];
        for (int j = 0; j < blocks; j++) {
            for (int combination = 0; combination < combinations; combination++) {
                int to = (j * combinations + combination) * slots;
                int rest = combination;
                // the last position of the block is the combination's lowest digit
                for (int i = block - 1; i >= 0; i--) {
                    int from = ((j * block + i) * symbols + rest % symbols) * slots;
                    rest /= symbols;
                    for (int f = 0; f < slots; f++) {
                        made[to + f] += columns[from + f];
                    }
                }
            }
        }
        table = made;
        tableFilters = filterRows.clone();
        tableShape = shape;
        return made;
    }

    /** Into {@code codes}: per position of the first {@code positions} of the example whose symbols start at {@code from}, its block's table offset. */
    private void encode(int from, int positions, int block, int symbols, int slots, int[] codes) {
        for (int p = 0; p < positions; p++) {
            int combination = 0;
            for (int i = 0; i < block; i++) {
                combination = combination * symbols + this.symbols[from + p + i];
            }
            codes[p] = combination * slots;
        }
    }

    /** Filters {@code g .. g + 7}: their largest sum over the windows, into {@code into}. */
    private static void scan(float[] table, int[] codes, int windows, int blocks, int block, int blockStride, int g,
                             float[] into) {
        float m0 = Float.NEGATIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        for (int t = 0; t < windows; t++) {
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            for (int j = 0; j < blocks; j++) {
                int row = j * blockStride + codes[t + j * block] + g;
                a0 += table[row];
                a1 += table[row + 1];
                a2 += table[row + 2];
                a3 += table[row + 3];
                a4 += table[row + 4];
                a5 += table[row + 5];
                a6 += table[row + 6];
                a7 += table[row + 7];
            }
            m0 = Math.max(m0, a0);
            m1 = Math.max(m1, a1);
            m2 = Math.max(m2, a2);
            m3 = Math.max(m3, a3);
            m4 = Math.max(m4, a4);
            m5 = Math.max(m5, a5);
            m6 = Math.max(m6, a6);
            m7 = Math.max(m7, a7);
        }
        into[0] = m0;
        into[1] = m1;
        into[2] = m2;
        into[3] = m3;
        into[4] = m4;
        into[5] = m5;
        into[6] = m6;
        into[7] = m7;
    }

    private static int power(int base, int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
