package org.genomod.reader.vcf.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates a VCF's contig names into the reference's: an explicit {@code contig_map} entry first, then
 * the {@code chr_prefix} rule (UCSC {@code chr20}, {@code chrM} against Ensembl/1000 Genomes
 * {@code 20}, {@code MT}). Nothing is guessed: a name the reference lacks is an error whose message
 * says which setting would find it.
 */
final class ContigNames {
    /** The {@code chr_prefix} parameter. */
    enum Prefix { KEEP, ADD, REMOVE }

    private final Map<String, String> explicit;
    private final Prefix prefix;
    /** Translations made so far: a handful of contigs, looked up once per record without building strings. */
    private final Map<String, String> cache = new HashMap<>();

    ContigNames(Map<String, String> explicit, Prefix prefix) {
        this.explicit = Map.copyOf(explicit);
        this.prefix = prefix;
    }

    static ContigNames identity() {
        return new ContigNames(Map.of(), Prefix.KEEP);
    }

    /** The reference's name for a VCF contig. */
    String toReference(String vcfContig) {
        String known = cache.get(vcfContig);
        if (known == null) {
            known = translate(vcfContig);
            cache.put(vcfContig, known);
        }
        return known;
    }

    private String translate(String name) {
        String mapped = explicit.get(name);
        if (mapped != null) {
            return mapped;
        }
        return switch (prefix) {
            case KEEP -> name;
            case ADD -> withChr(name);
            case REMOVE -> withoutChr(name);
        };
    }

    private static String withChr(String name) {
        if (hasChr(name)) {
            return name;
        }
        return name.equals("MT") ? "chrM" : "chr" + name;
    }

    private static String withoutChr(String name) {
        if (!hasChr(name)) {
            return name;
        }
        return name.equals("chrM") ? "MT" : name.substring(3);
    }

    private static boolean hasChr(String name) {
        return name.regionMatches(true, 0, "chr", 0, 3);
    }

    /**
     * Why a VCF contig is missing from the reference, with the setting that would find it when the
     * reference has it under the other naming scheme, e.g. {@code contig '20' is not in the reference
     * (which names it 'chr20': set chr_prefix: add)}.
     */
    String explainMissing(String vcfContig, Collection<String> referenceContigs) {
        String mapped = toReference(vcfContig);
        String shown = mapped.equals(vcfContig) ? "'" + vcfContig + "'" : "'" + vcfContig + "' (as '" + mapped + "')";
        String hint;
        if (referenceContigs.contains(withChr(vcfContig)) && !hasChr(vcfContig)) {
            hint = "the reference names it '" + withChr(vcfContig) + "': set chr_prefix: add, or map it in contig_map";
        } else if (referenceContigs.contains(withoutChr(vcfContig)) && hasChr(vcfContig)) {
            hint = "the reference names it '" + withoutChr(vcfContig) + "': set chr_prefix: remove, or map it in contig_map";
        } else {
            hint = "the reference has " + sample(referenceContigs) + "; map names in contig_map, or use another reference";
        }
        return "contig " + shown + " is not in the reference (" + hint + ")";
    }

    /** The same hint for tools without these settings (the inspector), e.g. {@code the reference names it 'chr20'}. */
    static String otherNaming(String vcfContig, Collection<String> referenceContigs) {
        if (!hasChr(vcfContig) && referenceContigs.contains(withChr(vcfContig))) {
            return "the reference names it '" + withChr(vcfContig) + "' (read with chr_prefix: add)";
        }
        if (hasChr(vcfContig) && referenceContigs.contains(withoutChr(vcfContig))) {
            return "the reference names it '" + withoutChr(vcfContig) + "' (read with chr_prefix: remove)";
        }
        return "the reference has " + sample(referenceContigs);
    }

    private static String sample(Collection<String> names) {
        List<String> first = names.stream().limit(5).collect(Collectors.toList());
        return (names.size() == 1 ? "only " : "") + String.join(", ", first) + (names.size() > 5 ? ", ... (" + names.size() + " contigs)" : "");
    }

    /** The {@code chr_prefix} value for a parameter string. */
    static Prefix prefix(String value) {
        return Prefix.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
