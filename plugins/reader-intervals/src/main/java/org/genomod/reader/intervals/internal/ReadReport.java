package org.genomod.reader.intervals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a read kept, dropped and made, recorded in the dataset schema's attributes (and so in the
 * model card) because the reader SPI has no other channel for warnings.
 */
final class ReadReport {
    long intervals;
    long outsideChromosomes;
    long offContig;
    long padded;
    long blacklisted;
    long windows;
    long background;
    long backgroundShortfall;
    long shuffled;

    /** Legal but worth knowing: windows dropped or padded, negatives not found. */
    List<String> warnings(int length) {
        List<String> warnings = new ArrayList<>();
        if (offContig > 0) {
            warnings.add(offContig + " windows of " + length + " bp ran off a contig end and were dropped (pad: true keeps them)");
        }
        if (padded > 0) {
            warnings.add(padded + " windows ran off a contig end and were padded with all-zero positions");
        }
        if (blacklisted > 0) {
            warnings.add(blacklisted + " windows overlap the blacklist and were dropped");
        }
        if (backgroundShortfall > 0) {
            warnings.add(backgroundShortfall + " GC-matched background windows could not be found (too few N-free, "
                    + "unoccupied windows in some GC bins)");
        }
        return warnings;
    }

    Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("intervals", intervals);
        counts.put("outside_chromosomes", outsideChromosomes);
        counts.put("off_contig", offContig);
        counts.put("padded", padded);
        counts.put("blacklisted", blacklisted);
        counts.put("windows", windows);
        counts.put("background", background);
        counts.put("background_shortfall", backgroundShortfall);
        counts.put("shuffled", shuffled);
        return counts;
    }
}
