package org.genomod.reader.plink.internal;

/**
 * Turns {@code .bed} blocks into allele counts through a table of 256 × 4 entries: every byte holds
 * four samples' 2-bit codes, lowest bits first, and one lookup per sample replaces the shifts and
 * branches. PLINK's codes are {@code 00} homozygous for allele 1, {@code 01} missing, {@code 10}
 * heterozygous and {@code 11} homozygous for allele 2.
 */
final class GenotypeDecoder {
    static final byte MISSING = -1;

    /** Per-SNP counts gathered while decoding. */
    static final class Tally {
        long sum;
        int observed;
        int missing;
        /** The first sample (0-based .fam line) whose call is missing, or -1. */
        int firstMissing = -1;

        void reset() {
            sum = 0;
            observed = 0;
            missing = 0;
            firstMissing = -1;
        }
    }

    private final byte[] table = new byte[256 * 4];
    /** Per byte: the sum of its four called counts, and how many of the four are called. */
    private final int[] byteSum = new int[256];
    private final int[] byteCalled = new int[256];

    /** @param countA1 count copies of allele 1 (the .bim's fifth column), else of allele 2 */
    GenotypeDecoder(boolean countA1) {
        byte[] byCode = countA1 ? new byte[] {2, MISSING, 1, 0} : new byte[] {0, MISSING, 1, 2};
        for (int b = 0; b < 256; b++) {
            for (int k = 0; k < 4; k++) {
                byte g = byCode[(b >> (2 * k)) & 3];
                table[b * 4 + k] = g;
                if (g >= 0) {
                    byteSum[b] += g;
                    byteCalled[b]++;
                }
            }
        }
    }

    /** The allele count of sample {@code k} (0–3) of a byte; {@link #MISSING} for a missing call. */
    byte count(int b, int k) {
        return table[(b & 0xff) * 4 + k];
    }

    /**
     * Decodes one SNP's block into {@code dest}, one byte per example row from {@code offset}.
     *
     * @param rowOf each .fam sample's example row, or -1 to leave it out; {@code null} when every sample is a row
     */
    void decode(byte[] block, int samples, int[] rowOf, byte[] dest, int offset, Tally tally) {
        if (rowOf == null) {
            decodeAll(block, samples, dest, offset, tally);
            return;
        }
        tally.reset();
        long sum = 0;
        int observed = 0;
        int missing = 0;
        for (int s = 0; s < samples; s++) {
            int row = rowOf == null ? s : rowOf[s];
            if (row < 0) {
                continue;
            }
            byte g = table[(block[s >> 2] & 0xff) * 4 + (s & 3)];
            dest[offset + row] = g;
            if (g >= 0) {
                sum += g;
                observed++;
            } else if (missing++ == 0) {
                tally.firstMissing = s;
            }
        }
        tally.sum = sum;
        tally.observed = observed;
        tally.missing = missing;
    }

    /** Every sample is a row: four samples per byte, counted with the per-byte tables, without a branch per sample. */
    private void decodeAll(byte[] block, int samples, byte[] dest, int offset, Tally tally) {
        tally.reset();
        long sum = 0;
        int called = 0;
        int whole = samples >> 2;
        for (int b = 0; b < whole; b++) {
            int v = block[b] & 0xff;
            int t = v << 2;
            int o = offset + (b << 2);
            dest[o] = table[t];
            dest[o + 1] = table[t + 1];
            dest[o + 2] = table[t + 2];
            dest[o + 3] = table[t + 3];
            sum += byteSum[v];
            called += byteCalled[v];
        }
        for (int s = whole << 2; s < samples; s++) {
            byte g = table[(block[s >> 2] & 0xff) * 4 + (s & 3)];
            dest[offset + s] = g;
            if (g >= 0) {
                sum += g;
                called++;
            }
        }
        tally.sum = sum;
        tally.observed = called;
        tally.missing = samples - called;
        if (tally.missing > 0) {
            for (int s = 0; s < samples; s++) {
                if (dest[offset + s] < 0) {
                    tally.firstMissing = s;
                    break;
                }
            }
        }
    }

    /** Adds one block's genotype counts to {@code counts}: [allele count 0, 1, 2, missing]. */
    void count(byte[] block, int samples, long[] counts) {
        for (int s = 0; s < samples; s++) {
            byte g = table[(block[s >> 2] & 0xff) * 4 + (s & 3)];
            counts[g < 0 ? 3 : g]++;
        }
    }
}
