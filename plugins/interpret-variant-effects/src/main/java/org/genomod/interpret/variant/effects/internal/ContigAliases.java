package org.genomod.interpret.variant.effects.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds a VCF contig in the reference under the other common naming scheme: UCSC ({@code chr20},
 * {@code chrM}) against Ensembl/1000 Genomes ({@code 20}, {@code MT}). The name as written wins; then
 * {@code chr} is stripped or added, and the mitochondrion maps between {@code chrM} and {@code MT}.
 * Each contig is resolved once.
 */
final class ContigAliases {
    private final Set<String> referenceContigs;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    ContigAliases(Set<String> referenceContigs) {
        this.referenceContigs = referenceContigs;
    }

    /** The reference's name for a VCF contig, or empty when the reference has it under no known alias. */
    Optional<String> resolve(String vcfContig) {
        return resolved.computeIfAbsent(vcfContig, c -> candidates(c).stream().filter(referenceContigs::contains).findFirst());
    }

    /** The VCF contigs met so far that the reference names differently, with the reference's names. */
    Map<String, String> aliasesUsed() {
        Map<String, String> used = new TreeMap<>();
        resolved.forEach((vcf, ref) -> ref.filter(r -> !r.equals(vcf)).ifPresent(r -> used.put(vcf, r)));
        return Collections.unmodifiableMap(used);
    }

    /** The names tried for {@code name}, in order. */
    static List<String> candidates(String name) {
        List<String> names = new ArrayList<>(3);
        names.add(name);
        if (name.startsWith("chr") && name.length() > 3) {
            String bare = name.substring(3);
            names.add(bare);
            if (bare.equals("M")) {
                names.add("MT");
            }
        } else {
            names.add("chr" + name);
            if (name.equals("MT")) {
                names.add("chrM");
            }
        }
        return names;
    }
}
