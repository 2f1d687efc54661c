package org.genomod.reader.vcf.internal;

import htsjdk.tribble.AbstractFeatureReader;
import htsjdk.tribble.CloseableTribbleIterator;
import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.Region;

/**
 * The records of a bgzip VCF that overlap a region, found through its tabix index by htsjdk, so a small
 * region of a large file costs a seek rather than a full read. Line numbers are unknown here.
 */
final class IndexedVcfStream extends VariantStream {
    private final AbstractFeatureReader<VariantContext, LineIterator> reader;
    private final CloseableTribbleIterator<VariantContext> records;

    private IndexedVcfStream(Path file, AbstractFeatureReader<VariantContext, LineIterator> reader, Region region)
            throws IOException {
        super(file);
        this.reader = reader;
        this.records = reader.query(region.contig(), (int) Math.min(region.start(), Integer.MAX_VALUE), region.queryEnd());
    }

    static IndexedVcfStream open(Path file, Path index, Region region) throws IOException {
        AbstractFeatureReader<VariantContext, LineIterator> reader;
        try {
            reader = AbstractFeatureReader.getFeatureReader(file.toString(), index.toString(), new VCFCodec(), true);
        } catch (RuntimeException e) {
            throw new InputFormatException(file, 0, "cannot be opened with its index " + index.getFileName() + ": "
                    + HtsjdkMessages.clean(e));
        }
        try {
            return new IndexedVcfStream(file, reader, region);
        } catch (RuntimeException e) {
            reader.close();
            throw new InputFormatException(file, 0, "index query for " + region + " failed: " + HtsjdkMessages.clean(e));
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    VCFHeader header() {
        return (VCFHeader) reader.getHeader();
    }

    @Override
    String format() {
        return "vcf";
    }

    @Override
    boolean regionApplied() {
        return true;
    }

    @Override
    protected VariantContext read() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (RuntimeException e) {
            throw decodeError(HtsjdkMessages.clean(e));
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
        reader.close();
    }
}
