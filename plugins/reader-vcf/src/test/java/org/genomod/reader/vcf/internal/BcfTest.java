package org.genomod.reader.vcf.internal;

import static org.genomod.reader.vcf.internal.Reads.features;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InspectionReport;
import org.genomod.reader.support.genome.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BCF 2.1, as htsjdk, GATK and Picard write it, raw or BGZF-compressed and whatever its name: the same
 * records as the VCF it was made from. (BCF 2.2 from bcftools is refused with a conversion hint:
 * see {@link BadInputTest#bcfProblems}.)
 */
class BcfTest {
    @TempDir
    Path dir;

    /**
     * Writes {@code vcf}'s records (those in {@code region}, when given: htsjdk writes BCF slowly) as BCF 2.1 with
     * htsjdk; chr22.vcf.gz declares no contigs, so they are given.
     */
    private Path toBcf(Path vcf, SAMSequenceDictionary contigs, Region region) throws IOException {
        Path bcf = dir.resolve(vcf.getFileName().toString().replaceAll("\\.vcf(\\.gz)?$", "") + ".bcf");
        try (VCFFileReader in = new VCFFileReader(vcf, false)) {
            VCFHeader header = in.getFileHeader();
            if (contigs != null) {
                header.setSequenceDictionary(contigs);
            }
            try (VariantContextWriter out = new VariantContextWriterBuilder().setOutputPath(bcf)
                    .setOutputFileType(VariantContextWriterBuilder.OutputType.BCF).unsetOption(Options.INDEX_ON_THE_FLY).build()) {
                out.writeHeader(header);
                Iterator<VariantContext> records = region == null ? in.iterator()
                        : in.query(region.contig(), (int) region.start(), region.queryEnd());
                records.forEachRemaining(out::add);
            }
        }
        return bcf;
    }

    private Path bgzip(Path file, String name) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream stream = new BlockCompressedOutputStream(out.toFile())) {
            Files.copy(file, stream);
        }
        return out;
    }

    @Test
    void bcfGivesTheSameGenotypesAsItsVcf() throws IOException {
        Path vcf = TestData.file(TestData.BIOC + "chr22.vcf.gz");
        Region region = Region.parse("22:50300000-50350000");
        Path bcf = toBcf(vcf, new SAMSequenceDictionary(List.of(new SAMSequenceRecord("22", 51_304_566))), region);
        Path compressed = bgzip(bcf, "chr22.compressed.bcf");
        Path misnamed = Files.copy(compressed, dir.resolve("chr22.data"));

        Dataset fromVcf = Reads.score(vcf, "mode", "genotypes", "region", region.toString());
        // bcftools view -H -r 22:50300000-50350000 chr22.vcf.gz | wc -l: 939
        assertEquals(List.of(939), fromVcf.schema().featureShape());
        for (Path file : List.of(bcf, compressed, misnamed)) {
            Dataset fromBcf = Reads.score(file, "mode", "genotypes");
            assertEquals(fromVcf.schema().attributes().get("feature_digest"), fromBcf.schema().attributes().get("feature_digest"),
                    file.getFileName().toString());
            for (int s = 0; s < fromVcf.size(); s++) {
                assertArrayEquals(features(fromVcf, s), features(fromBcf, s), file.getFileName() + " " + fromVcf.id(s));
            }
        }
        InspectionReport report = Reads.inspect(compressed, null);
        assertEquals("bcf", report.format());
        assertEquals(939, report.records());
        // ... | awk 'length($4) != 1 || length($5) != 1': 45 indels, so 894 SNVs
        assertEquals(894L, report.facts().get("snv"));
    }

    @Test
    void bcfGivesTheSameWindowsAsItsVcf() throws IOException {
        Path vcf = TestData.file(TestData.DEEPVARIANT + "golden.postprocess_single_site_output.vcf");
        Path bcf = toBcf(vcf, null, null);
        Dataset a = Reads.score(vcf, "reference", TestData.hg19Chr20(), "window", 64);
        Dataset b = Reads.score(bcf, "reference", TestData.hg19Chr20(), "window", 64);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.id(i), b.id(i));
            assertArrayEquals(features(a, i), features(b, i), a.id(i));
        }
        Path truncated = Files.write(dir.resolve("cut.bcf"), java.util.Arrays.copyOf(Files.readAllBytes(bcf), (int) Files.size(bcf) - 30));
        Reads.assertRejected(truncated, 0, "record 78: ", () -> Reads.inspect(truncated, null));
    }
}
