package org.genomod.reader.expression.internal;

import java.util.List;

/**
 * Which matrix entries {@code mask_fraction} hides. Each entry is hidden with the given probability by a
 * hash of the seed, its sample id and its gene id, so the choice is reproducible and independent of
 * the file's order, of the other samples and of which genes are kept.
 */
final class HiddenEntries {
    private static final double UNIT = 0x1.0p-53;
    private final double fraction;
    private final long[] sampleKeys;
    private final long[] geneKeys;

    private HiddenEntries(double fraction, long[] sampleKeys, long[] geneKeys) {
        this.fraction = fraction;
        this.sampleKeys = sampleKeys;
        this.geneKeys = geneKeys;
    }

    /** Hides nothing. */
    static HiddenEntries none() {
        return new HiddenEntries(0, new long[0], new long[0]);
    }

    /** Hides nothing when {@code fraction} is 0. */
    static HiddenEntries of(double fraction, int seed, List<String> samples, List<String> genes) {
        long seedKey = mix(seed ^ 0x5DEECE66DL);
        long[] sampleKeys = new long[samples.size()];
        for (int i = 0; i < sampleKeys.length; i++) {
            sampleKeys[i] = mix(seedKey ^ key(samples.get(i)));
        }
        long[] geneKeys = new long[genes.size()];
        for (int g = 0; g < geneKeys.length; g++) {
            geneKeys[g] = key(genes.get(g));
        }
        return new HiddenEntries(fraction, sampleKeys, geneKeys);
    }

    boolean any() {
        return fraction > 0;
    }

    /** Whether the value of {@code gene} (an index into the file's genes) in {@code sample} is hidden. */
    boolean hidden(int sample, int gene) {
        if (fraction <= 0) {
            return false;
        }
        long h = mix(sampleKeys[sample] + geneKeys[gene] * 0x9E3779B97F4A7C15L);
        return (h >>> 11) * UNIT < fraction;
    }

    /** 64-bit FNV-1a of the id's characters. */
    private static long key(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
