package org.genomod.interpret.variant.effects.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small reference and VCF lines for it, written into a test's temporary folder. */
final class Fixtures {
    /** chr1, 80 bp (lower case at 41-48: soft-masked). */
    static final String CHR1 = "GATTACAGGCTTAACGTCCATGCATTTATAAGGCGTACCAtgcatgcaTTGACCGGTAACCTTAGGCATGCAATCGGTAC";
    /** chrM, 20 bp. */
    static final String CHRM = "ACGTTGCAACGTTGCAACGT";
    static final String HEADER = String.join("\n",
            "##fileformat=VCFv4.2",
            "##contig=<ID=1,length=80>",
            "##contig=<ID=MT,length=20>",
            "##ALT=<ID=DEL,Description=\"Deletion\">",
            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO") + "\n";

    private Fixtures() {
    }

    /** chr1 and chrM, unindexed (the reader builds the index in memory). */
    static Path reference(Path dir) throws IOException {
        Path fasta = dir.resolve("ref.fa");
        Files.writeString(fasta, ">chr1 test contig\n" + CHR1.substring(0, 50) + "\n" + CHR1.substring(50) + "\n>chrM\n" + CHRM + "\n");
        return fasta;
    }

    /** A VCF of the given record lines (tab-separated, 8 columns) under {@link #HEADER}. */
    static Path vcf(Path dir, String name, List<String> records) throws IOException {
        Path vcf = dir.resolve(name);
        StringBuilder s = new StringBuilder(HEADER);
        records.forEach(r -> s.append(r.replace(' ', '\t')).append('\n'));
        Files.writeString(vcf, s);
        return vcf;
    }

    /** chr1's bases at 1-based {@code from .. to}, inclusive. */
    static String chr1(int from, int to) {
        return CHR1.substring(from - 1, to);
    }
}
