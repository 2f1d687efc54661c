package org.genomod.reader.vcf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a file is compressed, told from its first bytes rather than its name. */
enum Compression {
    NONE,
    /** Plain gzip: readable from the start only. */
    GZIP,
    /** Blocked gzip (bgzip, htslib): gzip members with a {@code BC} extra field, readable by position. */
    BGZF;

    static Compression of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
            return NONE;
        }
        // RFC 1952 with FEXTRA set and the first extra subfield 'B','C' (SAM/BAM specification, section 4.1)
        boolean bgzf = head.length >= 14 && (head[3] & 4) != 0 && head[12] == 'B' && head[13] == 'C';
        return bgzf ? BGZF : GZIP;
    }

    boolean compressed() {
        return this != NONE;
    }
}
