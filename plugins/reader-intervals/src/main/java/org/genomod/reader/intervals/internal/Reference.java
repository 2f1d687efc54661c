package org.genomod.reader.intervals.internal;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import htsjdk.samtools.util.GZIIndex;
import htsjdk.samtools.util.IOUtil;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genomod.api.data.InputFormatException;

/**
 * An indexed FASTA reference (plain with {@code .fai}, or bgzip with {@code .fai} and {@code .gzi}).
 * Opening checks what htsjdk would otherwise fall back on or fail on obscurely: a missing index, gzip
 * that is not bgzip, an index that does not fit the file; htsjdk's {@code ReferenceSequenceFileFactory}
 * then opens it, which also checks a {@code .dict} beside it. Bases are read in bulk by
 * {@link FastaRanges} and checked to be IUPAC codes, which also catches a stale index pointing into
 * headers or line breaks.
 */
final class Reference implements Closeable {
    private final Path path;
    private final List<Path> files;
    private final FastaRanges ranges;
    private final FastaSequenceIndexEntry[] entries;
    private final String[] names;
    private final int[] lengths;
    private final Map<String, Integer> indexByName = new HashMap<>();

    private Reference(Path path, List<Path> files, FastaRanges ranges, FastaSequenceIndex index) {
        this.path = path;
        this.files = List.copyOf(files);
        this.ranges = ranges;
        this.entries = new FastaSequenceIndexEntry[index.size()];
        this.names = new String[index.size()];
        this.lengths = new int[index.size()];
        int i = 0;
        for (FastaSequenceIndexEntry entry : index) {
            entries[i] = entry;
            names[i] = entry.getContig();
            lengths[i] = (int) entry.getSize();
            indexByName.put(names[i], i);
            i++;
        }
    }

    static Reference open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputFormatException(path, 0, "reference FASTA does not exist");
        }
        List<Path> files = new ArrayList<>(List.of(path));
        boolean gzip = isGzip(path);
        if (gzip) {
            if (!IOUtil.isBlockCompressed(path)) {
                throw new InputFormatException(path, 0, "reference is gzip-compressed but not with bgzip, so it cannot be "
                        + "indexed; recompress it: zcat " + path.getFileName() + " | bgzip > ref.fa.gz && samtools faidx ref.fa.gz");
            }
            Path gzi = GZIIndex.resolveIndexNameForBgzipFile(path);
            if (!Files.isRegularFile(gzi)) {
                throw new InputFormatException(path, 0, "bgzip reference has no .gzi index (" + gzi.getFileName()
                        + "); create it with: samtools faidx " + path.getFileName());
            }
            files.add(gzi);
        }
        Path fai = ReferenceSequenceFileFactory.getFastaIndexFileName(path);
        if (!Files.isRegularFile(fai)) {
            throw new InputFormatException(path, 0, "reference has no index " + fai.getFileName()
                    + "; create it with: samtools faidx " + path.getFileName());
        }
        files.add(fai);
        FastaSequenceIndex index;
        try {
            index = new FastaSequenceIndex(fai);
        } catch (SAMException | IllegalArgumentException e) {
            throw new InputFormatException(fai, 0, "is not a valid FASTA index (" + e.getMessage()
                    + "); re-create it with: samtools faidx " + path.getFileName());
        }
        if (index.size() == 0) {
            throw new InputFormatException(fai, 0, "lists no sequences; re-create it with: samtools faidx " + path.getFileName());
        }
        if (!gzip) {
            checkIndexFits(path, fai, index);
        }
        try (ReferenceSequenceFile fasta = ReferenceSequenceFileFactory.getReferenceSequenceFile(path, true, true)) {
            if (!fasta.isIndexed()) {
                throw new InputFormatException(path, 0, "reference could not be opened with its index " + fai.getFileName());
            }
        } catch (SAMException | IllegalArgumentException e) {
            throw new InputFormatException(path, 0, "cannot be opened as an indexed FASTA reference: " + e.getMessage());
        }
        FastaRanges ranges = gzip ? FastaRanges.bgzip(path, files.get(1)) : FastaRanges.plain(path);
        return new Reference(path, files, ranges, index);
    }

    /** A plain FASTA must be long enough for every contig the index places in it. */
    private static void checkIndexFits(Path path, Path fai, FastaSequenceIndex index) throws IOException {
        long size = Files.size(path);
        for (FastaSequenceIndexEntry e : index) {
            if (e.getBasesPerLine() <= 0 || e.getBytesPerLine() < e.getBasesPerLine()) {
                throw new InputFormatException(fai, 0, "has impossible line lengths for " + e.getContig()
                        + "; re-create it with: samtools faidx " + path.getFileName());
            }
            long last = e.getSize() == 0 ? 0 : e.getSize() - 1;
            long lastByte = e.getLocation() + last / e.getBasesPerLine() * e.getBytesPerLine() + last % e.getBasesPerLine();
            if (lastByte >= size) {
                throw new InputFormatException(fai, 0, "does not fit " + path.getFileName() + ": " + e.getContig()
                        + " would end at byte " + lastByte + " of a " + size + "-byte file; the index is stale, re-create it "
                        + "with: samtools faidx " + path.getFileName());
            }
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    Path path() {
        return path;
    }

    /** The FASTA and its index files, for provenance. */
    List<Path> files() {
        return files;
    }

    int contigCount() {
        return names.length;
    }

    /** The contig's index in the reference, or -1. */
    int contig(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    String name(int contig) {
        return names[contig];
    }

    int length(int contig) {
        return lengths[contig];
    }

    /**
     * Why {@code contig} cannot be used, for error messages: names the reference and its contigs, and
     * points out a {@code chr} prefix mismatch (UCSC {@code chr20} against Ensembl/b37 {@code 20}).
     */
    String describeMissing(String contig) {
        StringBuilder s = new StringBuilder("contig '").append(contig).append("' is not in reference ")
                .append(path.getFileName()).append(" (it has: ");
        for (int i = 0; i < Math.min(names.length, 5); i++) {
            s.append(i > 0 ? ", " : "").append(names[i]);
        }
        s.append(names.length > 5 ? ", ... " + names.length + " contigs)" : ")");
        String other = contig.startsWith("chr") ? contig.substring(3) : "chr" + contig;
        if (indexByName.containsKey(other)) {
            s.append("; the reference calls it '").append(other).append("': use a reference with the same contig names");
        }
        return s.toString();
    }

    /**
     * Bases read from the reference.
     *
     * @param bases upper-case IUPAC codes
     * @param acgt  whether all of them are A, C, G or T (no N or other ambiguity code)
     */
    record Chunk(byte[] bases, boolean acgt) {
    }

    /**
     * The bases of {@code [start, end)} of a contig, upper-cased, in a new array (htsjdk's own, checked
     * in place, so a read is one copy out of the file); {@code start} and {@code end} must lie within
     * the contig.
     *
     * @throws InputFormatException when the reference holds something other than IUPAC codes there
     */
    Chunk read(int contig, int start, int end) throws IOException {
        if (end <= start) {
            return new Chunk(new byte[0], true);
        }
        byte[] bases = raw(contig, start, end);
        byte[] upper = Bases.UPPER;
        byte[] notAcgt = Bases.NOT_ACGT;
        int invalid = 0;
        int ambiguous = 0;
        for (int i = 0; i < bases.length; i++) {
            byte u = upper[bases[i] & 0xff];
            invalid |= u == 0 ? 1 : 0;
            ambiguous |= notAcgt[u & 0xff];
            bases[i] = u;
        }
        if (invalid != 0) {
            throw invalidBase(contig, start, bases);
        }
        return new Chunk(bases, ambiguous == 0);
    }

    private byte[] raw(int contig, int start, int end) throws IOException {
        try {
            return ranges.read(entries[contig], start, end);
        } catch (SAMException e) {
            // htsjdk reports corrupt BGZF blocks and I/O failures as SAMException (and its RuntimeIOException)
            throw new InputFormatException(path, 0, "cannot read " + names[contig] + ":" + (start + 1) + "-" + end
                    + " (" + e.getMessage() + ")");
        }
    }

    /** Names the first non-IUPAC byte (already mapped to 0) by re-reading it. */
    private InputFormatException invalidBase(int contig, int start, byte[] checked) throws IOException {
        int i = 0;
        while (checked[i] != 0) {
            i++;
        }
        byte raw = raw(contig, start + i, start + i + 1)[0];
        return new InputFormatException(path, 0, "has " + Bases.describe(raw) + " at " + names[contig] + ":" + (start + i + 1L)
                + ", which is not a nucleotide code; is the index stale? re-create it with: samtools faidx " + path.getFileName());
    }

    @Override
    public void close() throws IOException {
        ranges.close();
    }
}
