package org.genomod.reader.vcf.internal;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderVersion;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipException;
import org.genomod.api.data.InputFormatException;

/**
 * A VCF text file (plain or gzip/bgzip) read line by line and decoded with htsjdk's {@link VCFCodec}.
 * Reading the lines here rather than through a tribble reader keeps exact line numbers for messages
 * and lets the content, not the file name, decide about compression. {@link #nextRecord} hands out
 * lines {@link VcfLine} vouches for without decoding them, htsjdk's decoding of the others.
 */
final class VcfTextStream extends VariantStream {
    private static final String FILEFORMAT = "##fileformat=VCF";

    private final ByteLines lines;
    private final VCFCodec codec = new VCFCodec();
    private final VCFHeader header;
    private final Columns decoded;
    /** Decodes CHROM to INFO against a header without samples; {@code null} unless only sites are read. */
    private final VCFCodec sitesCodec;
    private final StringBuilder genotypesLine = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    /** The hand-written check of record lines, for {@link Columns#ALL} and {@link Columns#GENOTYPES}. */
    private final VcfLine checked;
    /** Tab-separated columns every record must have: 8, or 9 and one per sample. */
    private final int expectedColumns;
    private long line;
    private long lineOfLast;

    private VcfTextStream(Path file, ByteLines lines, Columns decoded) throws IOException {
        super(file);
        this.lines = lines;
        this.decoded = decoded;
        HeaderLines headerLines = new HeaderLines();
        try {
            String first = headerLines.peek();
            if (first == null) {
                throw new InputFormatException(file, 0, "is empty");
            }
            if (!first.startsWith(FILEFORMAT)) {
                throw new InputFormatException(file, 1, "is not a VCF file: it must begin with " + FILEFORMAT
                        + "v4.x, but begins with '" + abbreviate(first) + "'");
            }
            String version = first.substring(FILEFORMAT.length() - 3).strip(); // e.g. VCFv4.2
            VCFHeaderVersion known = VCFHeaderVersion.toHeaderVersion(version);
            // VCFCodec decodes 4.0 to 4.3; 4.4 is named by htsjdk 4.3 but not decoded
            if (known == null || !known.isAtLeastAsRecentAs(VCFHeaderVersion.VCF4_0) || known.isAtLeastAsRecentAs(VCFHeaderVersion.VCF4_4)) {
                throw new InputFormatException(file, 1, "is " + version + ", which htsjdk 4.3 (reading variants here) does not "
                        + "decode: it reads VCF 4.0 to 4.3");
            }
            header = (VCFHeader) codec.readActualHeader(headerLines);
        } catch (TribbleException | IllegalArgumentException e) {
            long at = headerLines.pending != null && !headerLines.pending.startsWith("#") ? headerLines.number + 1 : 0;
            String problem = at > 0 ? "the header ends without a #CHROM line before this record" : "malformed header: " + HtsjdkMessages.clean(e);
            throw new InputFormatException(file, at, problem);
        } catch (UncheckedIOException e) {
            throw damaged(e.getCause(), headerLines.number);
        }
        line = headerLines.number;
        expectedColumns = header.getColumnCount();
        if (decoded == Columns.SITES && header.getNGenotypeSamples() > 0) {
            sitesCodec = new VCFCodec();
            sitesCodec.setVCFHeader(new VCFHeader(header.getMetaDataInInputOrder()), codec.getVersion());
        } else {
            sitesCodec = null;
        }
        checked = decoded == Columns.SITES ? null : new VcfLine(header, codec.getVersion());
        if (headerLines.chromLine != null && (headerLines.chromLine.endsWith("\t") || headerLines.chromLine.endsWith(" "))) {
            notes.add("the #CHROM header line (line " + line + ") ends in whitespace, an empty sample name to bcftools, "
                    + "which rejects the file");
        }
    }

    /** A decompression failure as a message: reading runs ahead of the lines handed out, so the damage lies after {@code line}. */
    private IOException damaged(IOException e, long line) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return new InputFormatException(file, 0, "compressed data is corrupt or truncated after line " + line
                    + " (" + e.getMessage() + ")");
        }
        return e;
    }

    static VcfTextStream open(Path file, InputStream decompressed, Columns decoded) throws IOException {
        try {
            return new VcfTextStream(file, new ByteLines(decompressed), decoded);
        } catch (IOException | RuntimeException e) {
            decompressed.close();
            throw e;
        }
    }

    @Override
    VCFHeader header() {
        return header;
    }

    @Override
    String format() {
        return "vcf";
    }

    @Override
    List<String> headerNotes() {
        return List.copyOf(notes);
    }

    @Override
    protected VariantContext read() throws IOException {
        return nextLine() ? decode(lines.text()) : null;
    }

    @Override
    VariantRecord nextRecord(boolean checkTypes) throws IOException {
        if (checked == null || checkTypes && decoded != Columns.ALL) {
            return super.nextRecord(checkTypes); // values are type-checked by hand only where every column is read
        }
        if (!nextLine()) {
            return null;
        }
        if (checked.check(lines.bytes(), lines.start(), lines.end(), decoded, checkTypes)) {
            lineOfLast = line;
            counted(checked.contig(), checked.start());
            return checked;
        }
        VariantContext vc = decode(lines.text());
        counted(vc.getContig(), vc.getStart());
        return new DecodedRecord(vc);
    }

    /** Moves to the next record line, skipping empty lines; {@code false} at the end of the file. */
    private boolean nextLine() throws IOException {
        do {
            if (!readLine()) {
                return false;
            }
        } while (lines.isEmpty());
        if (lines.bytes()[lines.start()] == '#') {
            throw decodeError("a header line after the first record");
        }
        return true;
    }

    /** Decodes a record line with htsjdk, every failure explained as an {@link InputFormatException}. */
    private VariantContext decode(String text) throws InputFormatException {
        try {
            // htsjdk splits genotype columns only when they are read; a ragged row is caught here, whatever is decoded
            int infoEnd = text.length();
            int formatEnd = text.length();
            int n = 1;
            for (int tab = text.indexOf('\t'); tab >= 0 && n <= expectedColumns; tab = text.indexOf('\t', tab + 1)) {
                n++;
                if (n == 9) {
                    infoEnd = tab;
                } else if (n == 10) {
                    formatEnd = tab;
                }
            }
            if (n != expectedColumns && !(expectedColumns == 8 && n == 9)) { // a FORMAT column without samples is tolerated
                throw new IllegalArgumentException("wrong number of columns");
            }
            VariantContext vc;
            if (sitesCodec != null) {
                vc = sitesCodec.decode(text.substring(0, infoEnd));
            } else if (decoded == Columns.GENOTYPES && expectedColumns > 9) {
                vc = codec.decode(genotypesOnly(text, infoEnd, formatEnd));
            } else {
                vc = codec.decode(text);
            }
            lineOfLast = line;
            return vc;
        } catch (RuntimeException e) {
            throw decodeError(LineDiagnosis.explain(text, header, e));
        }
    }

    /**
     * The line with GT as its only FORMAT field. GT must come first when present (VCF 4.x, 1.6.2), so each
     * sample's GT is its text up to the first ':'. Without GT the line is left whole.
     */
    private String genotypesOnly(String text, int infoEnd, int formatEnd) {
        if (formatEnd - infoEnd == 3 || !text.startsWith("GT:", infoEnd + 1)) {
            return text; // GT alone already, or no GT to keep
        }
        StringBuilder s = genotypesLine;
        s.setLength(0);
        s.append(text, 0, infoEnd).append("\tGT");
        int from = formatEnd;
        while (from < text.length()) {
            int next = text.indexOf('\t', from + 1);
            int end = next < 0 ? text.length() : next;
            int colon = text.indexOf(':', from + 1);
            s.append(text, from, colon > 0 && colon < end ? colon : end);
            from = end;
        }
        return s.toString();
    }

    private boolean readLine() throws IOException {
        try {
            if (lines.next()) {
                line++;
                return true;
            }
            return false;
        } catch (ZipException | EOFException e) {
            throw damaged(e, line);
        }
    }

    @Override
    protected long lineOfLast() {
        return lineOfLast;
    }

    @Override
    protected long lineBeingRead() {
        return line;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** The header lines for {@link VCFCodec#readActualHeader}, counted; it stops after the {@code #CHROM} line. */
    private final class HeaderLines implements LineIterator {
        private String pending;
        private long number;
        private String chromLine;

        @Override
        public String peek() {
            if (pending == null) {
                try {
                    pending = lines.next() ? lines.text() : null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return pending;
        }

        @Override
        public boolean hasNext() {
            return peek() != null;
        }

        @Override
        public String next() {
            String next = peek();
            if (next == null) {
                throw new NoSuchElementException();
            }
            pending = null;
            number++;
            if (next.startsWith("#CHROM")) {
                chromLine = next;
            }
            return next;
        }
    }
}
