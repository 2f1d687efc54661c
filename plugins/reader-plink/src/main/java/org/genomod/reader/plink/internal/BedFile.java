package org.genomod.reader.plink.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.genomod.api.data.InputFormatException;

/**
 * A PLINK 1 {@code .bed} file read block by block: the magic bytes {@code 0x6c 0x1b}, the mode byte
 * {@code 0x01} (SNP-major), then one block of {@code ceil(samples / 4)} bytes per SNP. A plain file's
 * size is checked against the {@code .bim} and {@code .fam} before anything is decoded; a gzip file's
 * length can only be checked by reading it, so it is read to its end.
 */
final class BedFile implements Closeable {
    static final int MAGIC_1 = 0x6c;
    static final int MAGIC_2 = 0x1b;
    static final int SNP_MAJOR = 0x01;
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final InputStream in;
    private final boolean gzip;
    private final int bytesPerSnp;
    private final int snps;
    private final int samples;

    private BedFile(Path path, InputStream in, boolean gzip, int samples, int snps) {
        this.path = path;
        this.in = in;
        this.gzip = gzip;
        this.samples = samples;
        this.snps = snps;
        this.bytesPerSnp = bytesPerSnp(samples);
    }

    static int bytesPerSnp(int samples) {
        return (samples + 3) / 4;
    }

    /**
     * Opens the file and checks its magic bytes, its mode and (uncompressed) its size.
     *
     * @param samples the {@code .fam}'s line count
     * @param snps    the {@code .bim}'s line count
     */
    static BedFile open(Path path, int samples, int snps) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                throw new InputFormatException(path, 0, "is named .gz but is not gzip-compressed");
            }
            InputStream in = gzip ? gunzip(path, raw) : raw;
            BedFile bed = new BedFile(path, in, gzip, samples, snps);
            bed.checkHeader();
            if (!gzip) {
                bed.checkSize(Files.size(path));
            }
            return bed;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream gunzip(Path path, InputStream raw) throws IOException {
        try {
            return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(path, 0, "has a broken gzip header (" + e.getMessage() + ")");
        }
    }

    private void checkHeader() throws IOException {
        byte[] magic = new byte[3];
        int n = readFully(magic, 3, 0);
        if (n < 3) {
            throw new InputFormatException(path, 0, "is " + n + " bytes long, too short for a PLINK .bed header");
        }
        if ((magic[0] & 0xff) != MAGIC_1 || (magic[1] & 0xff) != MAGIC_2) {
            throw new InputFormatException(path, 0, String.format("does not start with the PLINK .bed magic bytes "
                    + "0x6c 0x1b (found 0x%02x 0x%02x): not a PLINK 1 binary genotype file", magic[0] & 0xff, magic[1] & 0xff));
        }
        if (magic[2] == 0) {
            throw new InputFormatException(path, 0, "is an individual-major PLINK .bed (mode byte 0x00); only SNP-major "
                    + "files (0x01) are read: convert it with plink --bfile PREFIX --make-bed");
        }
        if (magic[2] != SNP_MAJOR) {
            throw new InputFormatException(path, 0, String.format("has the unknown PLINK .bed mode byte 0x%02x "
                    + "(expected 0x01, SNP-major)", magic[2] & 0xff));
        }
    }

    private void checkSize(long size) throws InputFormatException {
        long expected = 3 + (long) bytesPerSnp * snps;
        if (size != expected) {
            long blocks = (size - 3) / bytesPerSnp;
            String hint = (size - 3) % bytesPerSnp == 0
                    ? "it holds " + blocks + " SNP blocks of that size, so the .bim or .fam belongs to another file"
                    : "the file is truncated, or the .bim or .fam belongs to another file";
            throw new InputFormatException(path, 0, String.format(Locale.ROOT, "has %,d bytes, but %,d samples (.fam) "
                    + "and %,d SNPs (.bim) need 3 + %,d x %,d = %,d: %s", size, samples, snps, bytesPerSnp, snps,
                    expected, hint));
        }
    }

    int bytesPerSnp() {
        return bytesPerSnp;
    }

    /** Whether the file is gzip-compressed, and so must be read to its end to be checked. */
    boolean compressed() {
        return gzip;
    }

    /** Reads the block of SNP {@code index} (0-based; blocks are read in order) into {@code block}. */
    void read(byte[] block, int index) throws IOException {
        if (readFully(block, bytesPerSnp, index) < bytesPerSnp) {
            throw truncated(index);
        }
    }

    /** Skips the block of SNP {@code index}. */
    void skip(int index) throws IOException {
        try {
            in.skipNBytes(bytesPerSnp);
        } catch (EOFException e) {
            throw truncated(index);
        } catch (ZipException e) {
            throw corrupt(index, e);
        }
    }

    /** After the last block: a gzip file must end there too. */
    void finish() throws IOException {
        if (gzip) {
            int next;
            try {
                next = in.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(snps, e);
            }
            if (next >= 0) {
                throw new InputFormatException(path, 0, String.format(Locale.ROOT, "has more data than %,d samples "
                        + "(.fam) and %,d SNPs (.bim) need: the .bim or .fam belongs to another file", samples, snps));
            }
        }
    }

    private int readFully(byte[] into, int length, long record) throws IOException {
        try {
            return in.readNBytes(into, 0, length);
        } catch (ZipException | EOFException e) {
            throw corrupt(record, e);
        }
    }

    private InputFormatException truncated(int index) {
        return new InputFormatException(path, index + 1, String.format(Locale.ROOT, "ends inside the block of SNP %,d "
                + "of %,d: the file is truncated, or the .bim or .fam belongs to another file", index + 1, snps));
    }

    /** Decompression runs ahead of the blocks handed out, so the damage lies somewhere after block {@code blocksRead}. */
    private InputFormatException corrupt(long blocksRead, IOException e) {
        return new InputFormatException(path, 0, String.format(Locale.ROOT, "gzip data is corrupt or truncated after "
                + "SNP block %,d of %,d (%s)", blocksRead, snps, e.getMessage()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
