package org.genomod.reader.vcf.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a read left out and why, counted so that nothing is dropped silently: the counts go into the
 * dataset's schema attributes ({@code skipped}) and into the message when nothing is left.
 */
final class Skipped {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    void add(String reason) {
        add(reason, 1);
    }

    void add(String reason, long n) {
        if (n > 0) {
            counts.merge(reason, n, Long::sum);
        }
    }

    long count(String reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** Plain values for schema attributes, e.g. {@code {symbolic_allele=3, ref_mismatch=219}}. */
    Map<String, Object> asAttribute() {
        return new LinkedHashMap<>(counts);
    }

    @Override
    public String toString() {
        if (counts.isEmpty()) {
            return "nothing skipped";
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((reason, n) -> s.append(s.length() == 0 ? "" : ", ").append(String.format("%,d", n)).append(' ')
                .append(reason.replace('_', ' ')));
        return s.toString();
    }
}
