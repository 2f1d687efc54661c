package org.genomod.reader.intervals.internal;

import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.GZIIndex;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.genomod.api.data.InputFormatException;

/**
 * Bulk reads of base ranges from an indexed FASTA, plain or bgzip, through htsjdk's index, GZI and
 * BGZF classes. htsjdk's {@code getSubsequenceAt} re-seeks (and for bgzip re-inflates the current
 * block) every 128 KiB and copies line by line through byte buffers; reading the whole byte span of
 * a range at once and dropping the line ends with one array copy per line is 2-3 times faster, which
 * matters because reading the reference is most of the cost of making windows.
 */
final class FastaRanges implements Closeable {
    private final Path path;
    private final FileChannel plain;
    private final BlockCompressedInputStream bgzf;
    private final GZIIndex gzi;
    private byte[] raw = new byte[0];

    private FastaRanges(Path path, FileChannel plain, BlockCompressedInputStream bgzf, GZIIndex gzi) {
        this.path = path;
        this.plain = plain;
        this.bgzf = bgzf;
        this.gzi = gzi;
    }

    static FastaRanges plain(Path path) throws IOException {
        return new FastaRanges(path, FileChannel.open(path, StandardOpenOption.READ), null, null);
    }

    static FastaRanges bgzip(Path path, Path gziPath) throws IOException {
        GZIIndex gzi;
        try {
            gzi = GZIIndex.loadIndex(gziPath);
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(gziPath, 0, "is not a valid .gzi index (" + e.getMessage()
                    + "); re-create it with: samtools faidx " + path.getFileName());
        }
        return new FastaRanges(path, null, new BlockCompressedInputStream(path), gzi);
    }

    /** The bases of {@code [start, end)} (0-based) of the contig {@code entry} describes, as stored in the file. */
    byte[] read(FastaSequenceIndexEntry entry, int start, int end) throws IOException {
        int basesPerLine = entry.getBasesPerLine();
        int bytesPerLine = entry.getBytesPerLine();
        long first = offset(entry, start);
        long span = offset(entry, end - 1) - first + 1;
        if (span > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("range too long: " + (end - start) + " bases");
        }
        if (raw.length < span) {
            raw = new byte[(int) Math.max(span, Math.min(Integer.MAX_VALUE - 8, raw.length * 2L))];
        }
        readFully(first, (int) span, entry);

        byte[] bases = new byte[end - start];
        int terminator = bytesPerLine - basesPerLine;
        int n = Math.min(basesPerLine - start % basesPerLine, bases.length);
        System.arraycopy(raw, 0, bases, 0, n);
        for (int out = n, in = n + terminator; out < bases.length; in += bytesPerLine) {
            int line = Math.min(basesPerLine, bases.length - out);
            System.arraycopy(raw, in, bases, out, line);
            out += line;
        }
        return bases;
    }

    /** Byte offset of a base in the uncompressed file, from the index's line layout. */
    private static long offset(FastaSequenceIndexEntry entry, long base) {
        return entry.getLocation() + base / entry.getBasesPerLine() * entry.getBytesPerLine() + base % entry.getBasesPerLine();
    }

    private void readFully(long position, int length, FastaSequenceIndexEntry entry) throws IOException {
        int done = 0;
        if (plain != null) {
            ByteBuffer buffer = ByteBuffer.wrap(raw, 0, length);
            while (buffer.hasRemaining()) {
                int n = plain.read(buffer, position + buffer.position());
                if (n < 0) {
                    break;
                }
            }
            done = buffer.position();
        } else {
            bgzf.seek(gzi.getVirtualOffsetForSeek(position));
            while (done < length) {
                int n = bgzf.read(raw, done, length - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
        }
        if (done < length) {
            throw new InputFormatException(path, 0, "ends before the bases the index places for " + entry.getContig()
                    + "; the index is stale, re-create it with: samtools faidx " + path.getFileName());
        }
    }

    @Override
    public void close() throws IOException {
        if (plain != null) {
            plain.close();
        } else {
            bgzf.close();
        }
    }
}
