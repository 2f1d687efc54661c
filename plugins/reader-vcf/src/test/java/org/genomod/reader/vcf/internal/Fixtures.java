package org.genomod.reader.vcf.internal;

import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small synthetic references and VCFs for exact checks; htsjdk writes the .fai so no external tool is needed. */
final class Fixtures {
    static final String HEADER = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=DB,Number=0,Type=Flag,Description="dbSNP membership">
            ##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">
            ##INFO=<ID=CLASS,Number=1,Type=String,Description="Class">
            ##INFO=<ID=EFF,Number=A,Type=String,Description="Effect per allele">
            ##INFO=<ID=N2,Number=2,Type=Integer,Description="Two values">
            ##FILTER=<ID=q10,Description="Quality below 10">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##contig=<ID=chrT,length=60>
            ##contig=<ID=chrU,length=20>
            """;
    /** Contig chrT, 60 bases: positions 1-10 ACGTACGTAC, 11-20 GGGGGCCCCC, 21-30 TTTTTAAAAA, 31-60 NNNNNACGTACGTACGTACGTACGTACGTA. */
    static final String CHR_T = "ACGTACGTACGGGGGCCCCCTTTTTAAAAANNNNNACGTACGTACGTACGTACGTACGTA";
    static final String CHR_U = "ccccaaaaggggttttacgt";

    private Fixtures() {
    }

    /** Writes a FASTA of chrT and chrU (60 bases per line) with its .fai index. */
    static Path reference(Path dir) throws IOException {
        Path fasta = dir.resolve("ref.fa");
        Files.writeString(fasta, ">chrT test contig\n" + CHR_T + "\n>chrU\n" + CHR_U + "\n");
        FastaSequenceIndexCreator.create(fasta, true);
        return fasta;
    }

    /** Writes a sites-only VCF with {@link #HEADER}; {@code records} are tab-separated lines, 8 columns. */
    static Path sites(Path dir, String name, String... records) throws IOException {
        StringBuilder s = new StringBuilder(HEADER).append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (String r : records) {
            s.append(r).append('\n');
        }
        return Files.writeString(dir.resolve(name), s.toString());
    }

    /** Writes a VCF with samples; each record is 8 columns, then FORMAT and one genotype per sample. */
    static Path genotypes(Path dir, String name, String samples, String... records) throws IOException {
        StringBuilder s = new StringBuilder(HEADER).append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t")
                .append(samples.replace(' ', '\t')).append('\n');
        for (String r : records) {
            s.append(r).append('\n');
        }
        return Files.writeString(dir.resolve(name), s.toString());
    }

    /** A record line from space-separated columns (tests read better without tabs). */
    static String record(String columns) {
        return columns.replace(' ', '\t');
    }
}
