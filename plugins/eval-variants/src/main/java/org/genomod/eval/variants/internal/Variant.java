package org.genomod.eval.variants.internal;

/**
 * One normalised ALT allele: left-aligned, trimmed to its minimal representation, on the reference's contig
 * name. Two files agree on a variant exactly when these four fields are equal.
 *
 * @param position 1-based, of the first base of {@code ref}
 */
record Variant(String contig, long position, String ref, String alt) {

    /** The category it is counted under. */
    Type type() {
        if (ref.length() == 1 && alt.length() == 1) {
            return Type.SNV;
        }
        return ref.length() == alt.length() ? Type.MNP : Type.INDEL;
    }

    /**
     * SNV: one base for another. INDEL: any change of length, including complex replacements (as hap.py
     * counts them). MNP: several bases replaced by as many others; counted under {@code all} only.
     */
    enum Type { SNV, INDEL, MNP }

    @Override
    public String toString() {
        return contig + ":" + position + " " + ref + ">" + alt;
    }
}
