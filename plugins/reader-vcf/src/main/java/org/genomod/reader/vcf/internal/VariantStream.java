package org.genomod.reader.vcf.internal;

import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.GenotypesContext;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.InputFormatException;

/**
 * The records of one VCF or BCF file, read one at a time through htsjdk's codecs, with what an error
 * message needs to name a record: its line in a VCF, otherwise its number and position. Every htsjdk
 * failure leaves as an {@link InputFormatException}.
 */
abstract class VariantStream implements Closeable {
    protected final Path file;
    private String lastContig;
    private long lastStart;
    private long records;

    VariantStream(Path file) {
        this.file = file;
    }

    abstract VCFHeader header();

    /** {@code vcf} or {@code bcf}. */
    abstract String format();

    /** Header facts that readers may ignore but {@code inspect} reports, e.g. a malformed {@code #CHROM} line. */
    List<String> headerNotes() {
        return List.of();
    }

    /** Whether only records overlapping the requested region are returned (an index query). */
    boolean regionApplied() {
        return false;
    }

    /**
     * The next record, or {@code null} after the last one. Genotypes are decoded later, on demand; use
     * {@link #genotypes(VariantContext)} to decode them with errors named.
     */
    final VariantContext next() throws IOException {
        VariantContext vc = read();
        if (vc != null) {
            counted(vc.getContig(), vc.getStart());
        }
        return vc;
    }

    protected abstract VariantContext read() throws IOException;

    /**
     * The next record as a {@link VariantRecord}, or {@code null} after the last one: here htsjdk's
     * decoding of it. A VCF text stream answers with the line itself where it can ({@link VcfLine}), one
     * object reused from record to record: what it answers holds until the next call.
     *
     * @param checkTypes whether the caller will call {@link VariantRecord#checkTypes} on it
     */
    VariantRecord nextRecord(boolean checkTypes) throws IOException {
        VariantContext vc = next();
        return vc == null ? null : new DecodedRecord(vc);
    }

    /** Counts a record handed out; errors name it by {@code contig} and {@code start}. */
    protected final void counted(String contig, long start) {
        records++;
        lastContig = contig;
        lastStart = start;
    }

    /** Records returned so far; the number of the last one. */
    final long records() {
        return records;
    }

    /** The line of the record last returned, 0 when the format has no lines or they are not known. */
    final long line() {
        return lineOfLast();
    }

    protected long lineOfLast() {
        return 0;
    }

    /** The line being decoded when decoding fails, 0 when not known. */
    protected long lineBeingRead() {
        return 0;
    }

    /** Decodes all genotypes of {@code vc} (htsjdk decodes them lazily), naming the record when they are malformed. */
    final GenotypesContext genotypes(VariantContext vc) throws InputFormatException {
        try {
            GenotypesContext genotypes = vc.getGenotypes();
            for (Genotype g : genotypes) {
                g.getPloidy(); // touching each genotype decodes it
            }
            return genotypes;
        } catch (RuntimeException e) {
            throw error("malformed genotype fields: " + HtsjdkMessages.clean(e));
        }
    }

    /** A problem with the record last returned, e.g. {@code file:57: record at chr20:10000117: ...}. */
    final InputFormatException error(String problem) {
        String at = "record at " + lastContig + ":" + lastStart + ": ";
        long line = lineOfLast();
        return line > 0 ? new InputFormatException(file, line, at + problem)
                : new InputFormatException(file, 0, "record " + records + " (" + lastContig + ":" + lastStart
                        + (regionApplied() ? " in the region queried" : "") + "): " + problem);
    }

    /** A record that could not be decoded at all. */
    final InputFormatException decodeError(String problem) {
        long line = lineBeingRead();
        return line > 0 ? new InputFormatException(file, line, problem)
                : new InputFormatException(file, 0, "record " + (records + 1) + (regionApplied() ? " of the region queried" : "")
                        + ": " + problem);
    }
}
