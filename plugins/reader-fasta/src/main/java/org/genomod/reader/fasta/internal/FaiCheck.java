package org.genomod.reader.fasta.internal;

import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import htsjdk.samtools.util.IOUtil;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.genomod.api.data.InputFormatException;

/**
 * Checks an indexed FASTA reference against its {@code .fai} (and, when bgzip-compressed, {@code .gzi})
 * while the file streams by: every contig must appear in the index in file order with its length, and
 * the first and last bases htsjdk reads through the index must be the bases the file holds there. A
 * stale index otherwise makes htsjdk return other bases without complaint, which is exactly the silent
 * misread a window reader must never do.
 */
final class FaiCheck implements SequenceSurvey.RecordCheck, Closeable {
    private static final String REINDEX = "the index is stale or belongs to another file: re-index with samtools faidx";
    private final Path fasta;
    private final Path fai;
    private final FastaSequenceIndex index;
    private final Iterator<FastaSequenceIndexEntry> entries;
    private final ReferenceSequenceFile reference;
    private final String openFailure;
    private final boolean bgzip;
    private int entry;

    private FaiCheck(Path fasta, Path fai, FastaSequenceIndex index, ReferenceSequenceFile reference, String openFailure,
                     boolean bgzip) {
        this.fasta = fasta;
        this.fai = fai;
        this.index = index;
        this.entries = index.iterator();
        this.reference = reference;
        this.openFailure = openFailure;
        this.bgzip = bgzip;
    }

    /**
     * @param warnings receives why random access will not work, when the index cannot be used
     * @return {@code null} when {@code fasta} has no {@code .fai} beside it
     */
    static FaiCheck open(Path fasta, List<String> warnings) throws IOException {
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(fasta);
        if (!Files.isRegularFile(fai)) {
            return null;
        }
        FastaSequenceIndex index;
        try {
            index = new FastaSequenceIndex(fai);
        } catch (RuntimeException e) {
            throw new InputFormatException(fai, 0, "is not a valid FASTA index (" + e.getMessage() + ")");
        }
        boolean gzip = isGzip(fasta);
        boolean bgzip = gzip && IOUtil.isBlockCompressed(fasta, false);
        String unusable = null;
        if (gzip && !bgzip) {
            unusable = "it is gzip-compressed, not bgzip: recompress with bgzip, then samtools faidx";
        } else if (bgzip && !Files.isRegularFile(fasta.resolveSibling(fasta.getFileName() + ".gzi"))) {
            unusable = "it is bgzip-compressed without a .gzi index beside it: samtools faidx writes one";
        } else if (ReferenceSequenceFileFactory.FASTA_EXTENSIONS.stream().noneMatch(fasta.getFileName().toString()::endsWith)) {
            unusable = "htsjdk opens indexed references only under the names " + String.join(", ",
                    ReferenceSequenceFileFactory.FASTA_EXTENSIONS.stream().sorted().toList());
        }
        if (unusable != null) {
            warnings.add("the .fai index cannot be used for random access: " + unusable);
            return new FaiCheck(fasta, fai, index, null, null, bgzip);
        }
        try {
            ReferenceSequenceFile reference = ReferenceSequenceFileFactory.getReferenceSequenceFile(fasta, true, true);
            return new FaiCheck(fasta, fai, index, reference, null, bgzip);
        } catch (RuntimeException e) {
            // htsjdk checks the file's size against the index; a mismatch is reported after the
            // entry-by-entry comparison, which names the contig.
            return new FaiCheck(fasta, fai, index, null, e.getMessage(), bgzip);
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    @Override
    public void check(String id, long line, long length, String head, String tail) throws IOException {
        if (!entries.hasNext()) {
            throw new InputFormatException(fai, 0, "lists " + index.size() + " contigs, but record '" + id + "' of "
                    + fasta.getFileName() + " (line " + line + ") is not among them; " + REINDEX);
        }
        FastaSequenceIndexEntry expected = entries.next();
        entry++;
        String contig = expected.getContig();
        // The index names a contig by the header's whole first word; the reader drops a trailing ';'.
        if (!contig.equals(id) && !contig.equals(id + ";")) {
            throw new InputFormatException(fai, entry, "lists contig '" + contig + "' where "
                    + fasta.getFileName() + " has record '" + id + "' (line " + line + "); " + REINDEX);
        }
        if (expected.getSize() != length) {
            throw new InputFormatException(fai, entry, "gives contig '" + id + "' " + expected.getSize() + " bases, but "
                    + fasta.getFileName() + " has " + length + " (record on line " + line + "); " + REINDEX);
        }
        if (reference != null) {
            compare(contig, line, 1, head);
            compare(contig, line, length - tail.length() + 1, tail);
        }
    }

    /** Reads {@code expected.length()} bases from {@code start} (1-based) through the index and compares. */
    private void compare(String id, long line, long start, String expected) throws IOException {
        String actual;
        try {
            actual = new String(reference.getSubsequenceAt(id, start, start + expected.length() - 1).getBases(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (RuntimeException e) {
            throw new InputFormatException(fai, entry, "contig '" + id + "' cannot be read through the index ("
                    + e.getMessage() + "); " + REINDEX);
        }
        if (!actual.equals(expected)) {
            throw new InputFormatException(fai, entry, "contig '" + id + "': bases " + start + "-" + (start + expected.length() - 1)
                    + " read through the index are " + printable(actual) + ", but " + fasta.getFileName() + " holds " + expected
                    + " (record on line " + line + "); " + REINDEX);
        }
    }

    /** Shows line breaks and other control characters (an index off by a byte reads them) as escapes. */
    private static String printable(String bases) {
        StringBuilder shown = new StringBuilder(bases.length());
        for (char c : bases.toCharArray()) {
            if (c == '\n') {
                shown.append("\\n");
            } else if (c < 0x20 || c >= 0x7f) {
                shown.append(String.format("\\x%02x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** Call after the whole file was read: the index must not list more contigs than the file has. */
    void finish() throws IOException {
        if (entries.hasNext()) {
            throw new InputFormatException(fai, entry + 1, "lists contig '" + entries.next().getContig() + "', which "
                    + fasta.getFileName() + " does not have; " + REINDEX);
        }
        if (openFailure != null) {
            throw new InputFormatException(fai, 0, "does not fit " + fasta.getFileName() + " (" + openFailure + "); " + REINDEX);
        }
    }

    /** The contig names in index order. */
    List<String> contigs() {
        List<String> names = new ArrayList<>(index.size());
        index.forEach(e -> names.add(e.getContig()));
        return names;
    }

    /** {@code .fai}, or {@code .fai+.gzi} for a usable bgzip index; {@code .fai (unusable)} otherwise. */
    String describe() {
        return reference == null ? ".fai (not usable)" : bgzip ? ".fai+.gzi" : ".fai";
    }

    @Override
    public void close() throws IOException {
        if (reference != null) {
            reference.close();
        }
    }
}
