package org.genomod.reader.intervals.internal;

import java.nio.file.Path;
import java.util.Locale;

/** The interval file layouts this bundle reads. */
enum IntervalFormat {
    /** BED3 to BED12 and BED6+N: 0-based, end-exclusive; chrom, start, end, then name, score, strand. */
    BED("bed", 3),
    /** ENCODE narrowPeak: BED6 plus signalValue, pValue, qValue and the summit's offset from start (-1: none). */
    NARROWPEAK("narrowpeak", 10),
    /** Picard interval list: a SAM header, then 1-based closed {@code contig start end strand name}. */
    INTERVAL_LIST("interval_list", 5);

    private final String id;
    private final int minColumns;

    IntervalFormat(String id, int minColumns) {
        this.id = id;
        this.minColumns = minColumns;
    }

    /** The name used in parameters, service properties and reports. */
    String id() {
        return id;
    }

    int minColumns() {
        return minColumns;
    }

    static IntervalFormat of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The format a file name announces (compression suffixes ignored), or {@code null} for none. */
    static IntervalFormat byName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".gz", ".bgz"}) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        if (name.endsWith(".narrowpeak")) {
            return NARROWPEAK;
        }
        if (name.endsWith(".interval_list")) {
            return INTERVAL_LIST;
        }
        return name.endsWith(".bed") ? BED : null;
    }
}
