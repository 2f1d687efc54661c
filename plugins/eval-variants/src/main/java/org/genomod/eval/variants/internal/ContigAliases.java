package org.genomod.eval.variants.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the reference's name for a contig named by a VCF, BED or region, so that files that name
 * chromosome 20 {@code chr20} (UCSC/hg19) and {@code 20} (b37/Ensembl) can be compared. The name itself
 * first; failing that its alias under the other scheme: {@code chr} removed or added, with the mitochondrion
 * as {@code chrM} on one side and {@code MT} on the other. Nothing else is guessed.
 */
final class ContigAliases {
    private final Set<String> reference;
    private final Map<String, String> resolved = new HashMap<>();

    ContigAliases(Collection<String> referenceContigs) {
        this.reference = Set.copyOf(referenceContigs);
    }

    /** The reference's name for {@code name}, or {@code null} when neither it nor its alias is there. */
    String resolve(String name) {
        return resolved.computeIfAbsent(name, n -> {
            if (reference.contains(n)) {
                return n;
            }
            String other = alias(n);
            return reference.contains(other) ? other : null;
        });
    }

    /** The name under the other naming scheme: {@code chr20} and {@code 20}, {@code chrM} and {@code MT}. */
    static String alias(String name) {
        if (name.startsWith("chr")) {
            String bare = name.substring(3);
            return bare.equals("M") ? "MT" : bare;
        }
        return name.equals("MT") ? "chrM" : "chr" + name;
    }

    /** Why {@code name} is not found, e.g. {@code neither 'chr1' nor '1' is in the reference (it has chr20)}. */
    String explainMissing(String name) {
        List<String> some = reference.stream().sorted().limit(5).toList();
        return "neither '" + name + "' nor '" + alias(name) + "' is a contig of the reference FASTA (it has "
                + String.join(", ", some) + (reference.size() > 5 ? ", ... (" + reference.size() + " contigs)" : "") + ")";
    }
}
