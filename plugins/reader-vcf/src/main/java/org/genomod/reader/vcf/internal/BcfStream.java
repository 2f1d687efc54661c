package org.genomod.reader.vcf.internal;

import htsjdk.tribble.readers.PositionalBufferedStream;
import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;

/**
 * A BCF 2.1 file, raw or BGZF-compressed, decoded with htsjdk's {@link BCF2Codec} over a stream opened
 * here (htsjdk's own readers would decompress it only when the name ends in .gz). BCF has no lines:
 * records are named by number and position.
 */
final class BcfStream extends VariantStream {
    private final PositionalBufferedStream in;
    private final BCF2Codec codec = new BCF2Codec();
    private final VCFHeader header;

    private BcfStream(Path file, PositionalBufferedStream in) throws InputFormatException {
        super(file);
        this.in = in;
        try {
            header = (VCFHeader) codec.readHeader(in).getHeaderValue();
        } catch (RuntimeException e) {
            throw new InputFormatException(file, 0, "malformed BCF header: " + HtsjdkMessages.clean(e));
        }
    }

    static BcfStream open(Path file, InputStream decompressed) throws IOException {
        PositionalBufferedStream in = new PositionalBufferedStream(decompressed, 1 << 16);
        try {
            return new BcfStream(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    VCFHeader header() {
        return header;
    }

    @Override
    String format() {
        return "bcf";
    }

    @Override
    protected VariantContext read() throws IOException {
        try {
            return in.isDone() ? null : codec.decode(in);
        } catch (IOException | RuntimeException e) {
            throw decodeError(HtsjdkMessages.clean(e));
        }
    }

    @Override
    public void close() {
        in.close();
    }
}
