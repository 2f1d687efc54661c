package org.genomod.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a complete read of one file found, for {@code genomod inspect}.
 *
 * @param format   the format as read, e.g. {@code vcf}, {@code bam}, {@code fasta}
 * @param records  records read (sequences, intervals, variants, reads, rows, edges)
 * @param facts    short facts for the summary line in display order, e.g. samples, contigs, length
 * @param warnings things that are legal but worth knowing (e.g. reference mismatches counted)
 */
public record InspectionReport(String format, long records, Map<String, Object> facts, List<String> warnings) {
    public InspectionReport {
        Objects.requireNonNull(format, "format");
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
