package org.genomod.eval.variants.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Text files that may be gzip- or bgzip-compressed, told by their first bytes rather than their name. */
final class TextFiles {
    private TextFiles() {
    }

    /** A reader over the decompressed text; bgzip is multi-member gzip, which {@link GZIPInputStream} reads to the end. */
    static BufferedReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            InputStream text = gzip ? new GZIPInputStream(in, 1 << 16) : in;
            return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }
}
