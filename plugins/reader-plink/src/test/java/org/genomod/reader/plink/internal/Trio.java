package org.genomod.reader.plink.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A five-sample, three-SNP trio written byte by byte. The genotypes (A1 counts) are
 * <pre>
 *        rs1  rs2  rs3
 *   s1    2    1    0
 *   s2    1    1    0
 *   s3    0    1    2
 *   s4    NA   1    1
 *   s5    2    1    NA
 * </pre>
 * as {@code plink1.9 --bfile t --keep-allele-order --allow-no-sex --recode A} printed for these bytes.
 * Each SNP block is two bytes, samples in the low bits first: 00 = two A1, 10 = one, 11 = none, 01 = missing.
 */
final class Trio {
    /** rs1: s1..s4 = 00, 10, 11, 01 = 0b01_11_10_00 = 0x78; s5 = 00. */
    static final byte[] RS1 = {0x78, 0x00};
    /** rs2: every sample 10. */
    static final byte[] RS2 = {(byte) 0xaa, 0x02};
    /** rs3: s1..s4 = 11, 11, 00, 10 = 0b10_00_11_11 = 0x8f; s5 = 01. */
    static final byte[] RS3 = {(byte) 0x8f, 0x01};
    static final String FAM = "f1 s1 0 0 1 2\nf2 s2 0 0 2 1\nf3 s3 0 0 1 -9\nf4 s4 0 0 2 2\nf5 s5 0 0 0 0\n";
    static final String BIM = "1\trs1\t0\t100\tA\tG\n1\trs2\t0\t200\tC\tT\n2\trs3\t0.5\t300\tG\tA\n";

    private Trio() {
    }

    /** Writes {@code name.bed/.bim/.fam} into {@code dir} and returns the .bed. */
    static Path write(Path dir, String name, byte[] bed, String bim, String fam) throws IOException {
        Files.writeString(dir.resolve(name + ".bim"), bim);
        Files.writeString(dir.resolve(name + ".fam"), fam);
        return Files.write(dir.resolve(name + ".bed"), bed);
    }

    static byte[] bed(byte[]... blocks) {
        int size = 3;
        for (byte[] b : blocks) {
            size += b.length;
        }
        byte[] bytes = new byte[size];
        bytes[0] = 0x6c;
        bytes[1] = 0x1b;
        bytes[2] = 0x01;
        int at = 3;
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, bytes, at, b.length);
            at += b.length;
        }
        return bytes;
    }

    static Path standard(Path dir) throws IOException {
        return write(dir, "t", bed(RS1, RS2, RS3), BIM, FAM);
    }
}
