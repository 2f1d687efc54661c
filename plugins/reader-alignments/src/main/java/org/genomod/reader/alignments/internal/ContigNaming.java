package org.genomod.reader.alignments.internal;

import java.util.Collection;
import java.util.Optional;
import org.genomod.reader.support.genome.ContigAliases;

/**
 * The two common spellings of one chromosome: UCSC's {@code chr20}/{@code chrM} and Ensembl/1000
 * Genomes' {@code 20}/{@code MT}. Used only to explain a mismatch, never to map names silently.
 */
final class ContigNaming {
    private ContigNaming() {
    }

    /** The other spelling of {@code name}, when {@code names} holds it. */
    static Optional<String> otherSpelling(String name, Collection<String> names) {
        String other = ContigAliases.alias(name);
        return names.contains(other) ? Optional.of(other) : Optional.empty();
    }

    /** A sentence ending for "X has no contig 'name'": the other spelling, or a few names it does have. */
    static String hint(String name, Collection<String> names) {
        Optional<String> other = otherSpelling(name, names);
        if (other.isPresent()) {
            return " (it names it '" + other.get() + "': the files use different contig naming, "
                    + (name.startsWith("chr") ? "UCSC 'chr20' vs Ensembl '20'" : "Ensembl '20' vs UCSC 'chr20'") + ")";
        }
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder some = new StringBuilder(" (it has ");
        int shown = 0;
        for (String n : names) {
            if (shown == 3) {
                some.append(", ...");
                break;
            }
            some.append(shown++ == 0 ? "" : ", ").append(n);
        }
        return some.append(')').toString();
    }
}
