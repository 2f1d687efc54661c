package org.genomod.reader.support.genome;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the reference's name for a contig that a VCF, BED or region names under the other common
 * naming scheme: UCSC ({@code chr20}, {@code chrM}) against Ensembl/1000 Genomes ({@code 20},
 * {@code MT}). The name as written wins; then {@code chr} is removed or added, the mitochondrion
 * mapping between {@code chrM} and {@code MT}. Nothing else is guessed. Each name is resolved once;
 * an instance serves one run and is not thread-safe.
 */
public final class ContigAliases {
    private final Set<String> reference;
    private final Map<String, String> resolved = new HashMap<>();

    public ContigAliases(Collection<String> referenceContigs) {
        this.reference = Set.copyOf(referenceContigs);
    }

    /** The name under the other scheme: {@code chr20} and {@code 20}, {@code chrM} and {@code MT}. */
    public static String alias(String name) {
        if (name.startsWith("chr")) {
            String bare = name.substring(3);
            return bare.equals("M") ? "MT" : bare;
        }
        return name.equals("MT") ? "chrM" : "chr" + name;
    }

    /** The reference's name for {@code name}, or {@code null} when the reference has it under neither scheme. */
    public String resolve(String name) {
        return resolved.computeIfAbsent(name, n -> candidates(n).stream().filter(reference::contains).findFirst().orElse(null));
    }

    /** The name, its alias, and for the mitochondrion the plain {@code chr} variant too ({@code M}, {@code chrMT}). */
    private static List<String> candidates(String name) {
        String alias = alias(name);
        if (name.equals("chrM")) {
            return List.of(name, alias, "M");
        }
        return name.equals("MT") ? List.of(name, alias, "chrMT") : List.of(name, alias);
    }

    /** The names met so far that the reference spells differently, with the reference's spelling, sorted. */
    public Map<String, String> aliasesUsed() {
        Map<String, String> used = new TreeMap<>();
        resolved.forEach((name, found) -> {
            if (found != null && !found.equals(name)) {
                used.put(name, found);
            }
        });
        return Collections.unmodifiableMap(used);
    }

    /** Why {@code name} is not found, e.g. {@code neither 'chr1' nor '1' is a contig of the reference FASTA (it has chr20)}. */
    public String explainMissing(String name) {
        List<String> some = reference.stream().sorted().limit(5).toList();
        return "neither '" + name + "' nor '" + alias(name) + "' is a contig of the reference FASTA (it has "
                + String.join(", ", some) + (reference.size() > 5 ? ", ... (" + reference.size() + " contigs)" : "") + ")";
    }
}
