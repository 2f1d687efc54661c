package org.genomod.interpret.motifs.internal;

/**
 * What one first-layer filter responds to: the letter-probability matrix of the windows that activated
 * it, with the number of those windows (sites) and the filter's largest activation.
 *
 * @param filter        index of the filter in the layer, from 0
 * @param probabilities {@code width × 4} row-major, each row summing to 1
 */
record FilterMotif(int filter, int width, double[] probabilities, long sites, double maxActivation) {

    double probability(int position, int base) {
        return probabilities[position * 4 + base];
    }

    /**
     * Information content in bits against a uniform background, summed over positions:
     * Σ (2 + Σ_b p log2 p), as MEME draws logos. 0 for a matrix with no sites.
     */
    double informationContent() {
        double bits = 0;
        for (int j = 0; j < width; j++) {
            bits += 2;
            for (int b = 0; b < 4; b++) {
                double p = probability(j, b);
                bits += p > 0 ? p * Math.log(p) / Math.log(2) : 0;
            }
        }
        return bits;
    }

    /** Most probable base per position, upper case where its probability is at least one half. */
    String consensus(String alphabet) {
        StringBuilder s = new StringBuilder(width);
        for (int j = 0; j < width; j++) {
            int best = 0;
            for (int b = 1; b < 4; b++) {
                if (probability(j, b) > probability(j, best)) {
                    best = b;
                }
            }
            char c = alphabet.charAt(best);
            s.append(probability(j, best) >= 0.5 ? c : Character.toLowerCase(c));
        }
        return s.toString();
    }
}
