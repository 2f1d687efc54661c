package org.genomod.reader.plink.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variants of a PLINK {@code .bim} file: six fields per line (chromosome, id, centimorgans,
 * base-pair position, allele 1, allele 2), in the order of the {@code .bed} blocks. Streamed: only the
 * variants the selection keeps are held, each with the feature column it goes to.
 */
final class BimFile {
    /** One line of the file. */
    record Variant(String chromosome, String id, long position, String a1, String a2, long line) {
    }

    /** Which variants become feature columns, and in which order. */
    static final class Selection {
        private final int first;
        private final Map<String, Integer> ids;

        private Selection(int first, Map<String, Integer> ids) {
            this.first = first;
            this.ids = ids;
        }

        static Selection all() {
            return new Selection(Integer.MAX_VALUE, null);
        }

        /** The first {@code n} variants of the file. */
        static Selection first(int n) {
            return new Selection(n, null);
        }

        /** The named variants, in the order named. */
        static Selection ids(List<String> ids) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (String id : ids) {
                columns.putIfAbsent(id, columns.size());
            }
            return new Selection(Integer.MAX_VALUE, columns);
        }
    }

    private final Path path;
    private final int count;
    private final int[] keptIndex;
    private final int[] keptColumn;
    private final Variant[] columns;
    private final Set<String> chromosomes;
    private final int duplicateIds;

    private BimFile(Path path, int count, int[] keptIndex, int[] keptColumn, Variant[] columns, Set<String> chromosomes,
                    int duplicateIds) {
        this.path = path;
        this.count = count;
        this.keptIndex = keptIndex;
        this.keptColumn = keptColumn;
        this.columns = columns;
        this.chromosomes = chromosomes;
        this.duplicateIds = duplicateIds;
    }

    static BimFile read(Path path, Selection selection) throws IOException {
        List<Variant> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        Map<String, Variant> named = new HashMap<>();
        Set<String> chromosomes = new LinkedHashSet<>();
        Set<String> ids = new HashSet<>();
        int duplicates = 0;
        int count = 0;
        try (LineSource lines = LineSource.open(path)) {
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                long number = lines.lineNumber();
                List<String> f = Words.split(line);
                if (f.size() != 6) {
                    throw lines.error(number, "has " + f.size() + " fields, expected 6 (chromosome id cM position allele1 allele2)");
                }
                long position;
                try {
                    Double.parseDouble(f.get(2));
                    position = Long.parseLong(f.get(3));
                } catch (NumberFormatException e) {
                    throw lines.error(number, "position '" + f.get(3) + "' or centimorgans '" + f.get(2) + "' is not a number");
                }
                String chromosome = f.get(0);
                chromosomes.add(chromosome);
                Variant variant = new Variant(chromosome, f.get(1), position, f.get(4), f.get(5), number);
                if (!variant.id().equals(".") && !ids.add(variant.id())) {
                    duplicates++;
                }
                if (selection.ids != null) {
                    Integer column = selection.ids.get(variant.id());
                    if (column != null) {
                        Variant earlier = named.putIfAbsent(variant.id(), variant);
                        if (earlier != null) {
                            throw lines.error(number, "SNP '" + variant.id() + "', named in snps, occurs twice (lines "
                                    + earlier.line() + " and " + number + ")");
                        }
                        kept.add(variant);
                        keptIndex.add(count);
                    }
                } else if (count < selection.first) {
                    kept.add(variant);
                    keptIndex.add(count);
                }
                count++;
            }
            if (count == 0) {
                throw lines.error(0, "is empty: a .bim file needs one line per SNP");
            }
        }
        Variant[] columns = new Variant[kept.size()];
        int[] keptColumn = new int[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            keptColumn[k] = selection.ids == null ? k : selection.ids.get(kept.get(k).id());
            columns[keptColumn[k]] = kept.get(k);
        }
        if (selection.ids != null && named.size() < selection.ids.size()) {
            List<String> absent = new ArrayList<>();
            selection.ids.keySet().stream().filter(id -> !named.containsKey(id)).limit(5).forEach(absent::add);
            throw new org.genomod.api.data.InputFormatException(path, 0, (selection.ids.size() - named.size())
                    + " SNPs named in snps are not in this file: " + String.join(", ", absent)
                    + (selection.ids.size() - named.size() > 5 ? ", ..." : ""));
        }
        return new BimFile(path, count, keptIndex.stream().mapToInt(Integer::intValue).toArray(), keptColumn, columns,
                chromosomes, duplicates);
    }

    Path path() {
        return path;
    }

    /** Variants in the file. */
    int count() {
        return count;
    }

    /** Variants kept, i.e. feature columns. */
    int columns() {
        return columns.length;
    }

    Variant column(int column) {
        return columns[column];
    }

    /** The file positions (0-based, ascending) of the kept variants. */
    int[] keptIndex() {
        return keptIndex;
    }

    /** The feature column of each kept variant, parallel to {@link #keptIndex()}. */
    int[] keptColumn() {
        return keptColumn;
    }

    Set<String> chromosomes() {
        return chromosomes;
    }

    /** Lines whose SNP id (other than {@code .}) an earlier line already used. */
    int duplicateIds() {
        return duplicateIds;
    }
}
