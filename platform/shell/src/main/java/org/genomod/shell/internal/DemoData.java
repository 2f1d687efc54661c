package org.genomod.shell.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Random;

/**
 * The embedded default data set: random background sequences, half of them carrying a planted
 * binding site drawn from a position weight matrix (so sites vary like real ones do), labelled in
 * the FASTA header. Everything follows from the seed.
 */
final class DemoData {
    /** Consensus of the planted motif (the CTCF core); each site keeps a base with probability {@link #FIDELITY}. */
    static final String MOTIF = "CCACCAGGGGGCGC";
    static final double FIDELITY = 0.85;
    private static final char[] BASES = {'A', 'C', 'G', 'T'};

    private DemoData() {
    }

    /** Writes {@code count} sequences of {@code length} bases; odd-numbered ones carry the motif. */
    static int write(Writer out, int count, int length, long seed) throws IOException {
        if (length < MOTIF.length()) {
            throw new IllegalArgumentException("sequences must be at least " + MOTIF.length() + " bases");
        }
        Random random = new Random(seed);
        int positives = 0;
        char[] sequence = new char[length];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < length; p++) {
                sequence[p] = BASES[random.nextInt(4)];
            }
            boolean planted = random.nextBoolean();
            if (planted) {
                int at = random.nextInt(length - MOTIF.length() + 1);
                for (int m = 0; m < MOTIF.length(); m++) {
                    sequence[at + m] = random.nextDouble() < FIDELITY ? MOTIF.charAt(m) : BASES[random.nextInt(4)];
                }
                positives++;
            }
            out.write(String.format(">seq%05d %s%n", i + 1, planted ? "motif" : "background"));
            for (int p = 0; p < length; p += 60) {
                out.write(sequence, p, Math.min(60, length - p));
                out.write('\n');
            }
        }
        return positives;
    }
}
