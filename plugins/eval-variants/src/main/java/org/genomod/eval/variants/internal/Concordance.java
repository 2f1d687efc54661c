package org.genomod.eval.variants.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls against truth, variant by variant: a TP is a normalised variant in both, an FP one only in the
 * calls, an FN one only in the truth. Genotypes are compared among TPs where both files have them, as the
 * number of copies of the ALT allele (heterozygous or homozygous), unphased.
 */
final class Concordance {
    /** Counts for one category. */
    static final class Counts {
        long tp;
        long fp;
        long fn;
        long genotypesCompared;
        long genotypesMatching;

        double precision() {
            return ratio(tp, tp + fp);
        }

        double recall() {
            return ratio(tp, tp + fn);
        }

        /** 0 when precision and recall are both 0 (or undefined), as scikit-learn's zero_division=0. */
        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** The fraction of compared TPs with the same genotype; {@code null} when none could be compared. */
        Double genotypeConcordance() {
            return genotypesCompared == 0 ? null : (double) genotypesMatching / genotypesCompared;
        }

        private static double ratio(long numerator, long denominator) {
            return denominator == 0 ? 0 : (double) numerator / denominator;
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tp", tp);
            m.put("fp", fp);
            m.put("fn", fn);
            m.put("precision", precision());
            m.put("recall", recall());
            m.put("f1", f1());
            m.put("genotype_concordance", genotypeConcordance());
            m.put("genotypes_compared", genotypesCompared);
            return m;
        }
    }

    final Counts all = new Counts();
    final Counts snv = new Counts();
    final Counts indel = new Counts();

    static Concordance of(CallSet calls, CallSet truth) {
        Concordance c = new Concordance();
        calls.variants.forEach((v, copies) -> {
            Integer truthCopies = truth.variants.get(v);
            for (Counts counts : c.categories(v)) {
                if (truthCopies == null) {
                    counts.fp++;
                } else {
                    counts.tp++;
                    if (copies != CallSet.NO_GENOTYPE && truthCopies != CallSet.NO_GENOTYPE) {
                        counts.genotypesCompared++;
                        counts.genotypesMatching += copies.equals(truthCopies) ? 1 : 0;
                    }
                }
            }
        });
        truth.variants.keySet().stream().filter(v -> !calls.variants.containsKey(v))
                .forEach(v -> {
                    for (Counts counts : c.categories(v)) {
                        counts.fn++;
                    }
                });
        return c;
    }

    private Counts[] categories(Variant v) {
        return switch (v.type()) {
            case SNV -> new Counts[] {all, snv};
            case INDEL -> new Counts[] {all, indel};
            case MNP -> new Counts[] {all};
        };
    }
}
