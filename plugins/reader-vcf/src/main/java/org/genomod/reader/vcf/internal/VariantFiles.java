package org.genomod.reader.vcf.internal;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.Region;

/**
 * Opens a variant file by what it contains: VCF text or BCF, plain, gzip or BGZF. Names are only
 * checked against the content, so a {@code .vcf.gz} that is not gzip, a truncated bgzip file or a BCF
 * version htsjdk cannot decode is reported before any record is read.
 */
final class VariantFiles {
    private static final int BUFFER = 1 << 16;
    private static final byte[] BCF_MAGIC = {'B', 'C', 'F', 2};

    private VariantFiles() {
    }

    /**
     * Whether a file name says VCF or BCF: a {@code vcf}, {@code gvcf} or {@code bcf} part after the first
     * dot ({@code calls.vcf}, {@code calls.vcf.gz}, {@code calls.g.vcf.bgz}, {@code calls.vcf.part1.gz}),
     * unless the name ends in an index extension ({@code .tbi}, {@code .csi}, {@code .idx}).
     */
    static boolean hasVariantName(Path file) {
        String[] parts = file.getFileName().toString().toLowerCase(Locale.ROOT).split("\\.");
        String last = parts[parts.length - 1];
        if (last.equals("tbi") || last.equals("csi") || last.equals("idx")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("vcf") || parts[i].equals("gvcf") || parts[i].equals("bcf")) {
                return true;
            }
        }
        return false;
    }

    /** Whether decompressed leading bytes look like VCF or BCF. */
    static boolean looksLikeVariants(byte[] head) {
        return startsWith(head, "##fileformat=VCF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                || startsWith(head, BCF_MAGIC);
    }

    /**
     * Opens the records of {@code file}; with a region, through the tabix index when a bgzip VCF has one
     * (the caller filters otherwise: see {@link VariantStream#regionApplied()}).
     *
     * @param decoded the columns of VCF text lines the caller needs decoded (BCF and index queries decode all)
     */
    static VariantStream open(Path file, Region region, Columns decoded) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "does not exist or is not a file");
        }
        if (Files.size(file) == 0) {
            throw new InputFormatException(file, 0, "is empty");
        }
        Compression compression = Compression.of(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzName = name.endsWith(".gz") || name.endsWith(".bgz");
        if (!compression.compressed() && gzName) {
            throw new InputFormatException(file, 0, "is named " + name.substring(name.lastIndexOf('.')) + " but is not gzip-compressed");
        }
        if (compression == Compression.BGZF) {
            checkComplete(file);
        }
        Path index = file.resolveSibling(file.getFileName() + ".tbi");
        BufferedInputStream in = decompressed(file, compression);
        try {
            byte[] head = peek(file, in, 5);
            if (startsWith(head, BCF_MAGIC)) {
                checkBcfVersion(file, head);
                return BcfStream.open(file, in);
            }
            if (name.endsWith(".bcf") && !startsWith(head, "#".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new InputFormatException(file, 0, "is named .bcf but begins with neither the BCF magic bytes nor a VCF header");
            }
            if (region != null && compression == Compression.BGZF && gzName && Files.isRegularFile(index)) {
                in.close();
                return IndexedVcfStream.open(file, index, region);
            }
            return VcfTextStream.open(file, in, decoded);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static BufferedInputStream decompressed(Path file, Compression compression) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            // JDK gzip reads bgzip too: BGZF blocks are concatenated gzip members
            InputStream in = compression.compressed() ? new GZIPInputStream(raw, BUFFER) : raw;
            return new BufferedInputStream(in, BUFFER);
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new InputFormatException(file, 0, "has a broken gzip header (" + e.getMessage() + ")");
        }
    }

    private static byte[] peek(Path file, BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        try {
            byte[] head = in.readNBytes(n);
            in.reset();
            return head;
        } catch (ZipException | EOFException e) {
            throw new InputFormatException(file, 0, "compressed data is corrupt at its start (" + e.getMessage() + ")");
        }
    }

    /** A bgzip file ends in an empty BGZF block; without it, it was most likely cut short at a block boundary. */
    private static void checkComplete(Path file) throws IOException {
        switch (BlockCompressedInputStream.checkTermination(file)) {
            case HAS_TERMINATOR_BLOCK:
                return;
            case HAS_HEALTHY_LAST_BLOCK:
                throw new InputFormatException(file, 0, "has no BGZF end-of-file marker, so it was probably cut short "
                        + "(recreate it with bgzip or bcftools)");
            default:
                throw new InputFormatException(file, 0, "is truncated or damaged: its last BGZF block is incomplete");
        }
    }

    private static void checkBcfVersion(Path file, byte[] head) throws InputFormatException {
        int minor = head.length > 4 ? head[4] : -1;
        if (minor != 1) {
            String base = file.getFileName().toString().replaceFirst("(?i)\\.bcf$", "");
            throw new InputFormatException(file, 0, "is BCF 2." + minor + "; htsjdk 4.3, which reads variants here, decodes "
                    + "BCF 2.1 only (bcftools writes 2.2): convert it with bcftools view -Oz -o " + base + ".vcf.gz "
                    + file.getFileName() + " && bcftools index -t " + base + ".vcf.gz");
        }
    }

    /**
     * Why a region may have found nothing, for the message when it did: its contig is not among those the
     * header declares (perhaps under the other naming scheme). Empty when the header declares it or none.
     */
    static String regionHint(Region region, VCFHeader header) {
        String contig = region.contig();
        List<String> declared = header.getContigLines().stream().map(VCFContigHeaderLine::getID).toList();
        if (declared.isEmpty() || declared.contains(contig)) {
            return "";
        }
        String other = contig.regionMatches(true, 0, "chr", 0, 3) ? contig.substring(3) : "chr" + contig;
        return declared.contains(other) ? "; the VCF names that contig '" + other + "'"
                : "; the VCF header declares no contig '" + contig + "'";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
