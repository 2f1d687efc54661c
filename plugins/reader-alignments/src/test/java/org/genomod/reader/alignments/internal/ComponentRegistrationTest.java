package org.genomod.reader.alignments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.param.Parameters;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generated from the annotations carry the selection properties. */
class ComponentRegistrationTest {

    private static String descriptor(Class<?> component) throws IOException {
        return PluginTests.descriptorOnOneLine(component);
    }

    @Test
    void readerIsRegisteredForItsFormats() throws IOException {
        String xml = descriptor(AlignmentsDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"alignments\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.formats\" type=\"String\">sam bam cram</property>"), xml);
    }

    @Test
    void inspectorIsRegistered() throws IOException {
        String xml = descriptor(AlignmentsInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"alignments\"/>"), xml);
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new AlignmentsDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(21, new AlignmentsDataReader().parameters().parameters().size());
    }

    @Test
    void predictionReadsTheNewFileWholeAndUnlabelled() {
        Map<String, Object> training = Map.of("reference", "ref.fa", "truth_vcf", "truth.vcf.gz", "confident_bed", "conf.bed",
                "region", "chr20:1-1000", "width", 221, "min_mapping_quality", 20);
        Map<String, Object> prediction = new AlignmentsDataReader().predictionParameters(training, Path.of("new.bam"));
        assertEquals(Map.of("path", "new.bam", "reference", "ref.fa", "width", 221, "min_mapping_quality", 20), prediction);
    }

    @Test
    void inputsListEveryFileReadForProvenance() {
        Path dv = SharedData.file("deepvariant-na12878-chr20/NA12878_S1.chr20.10_10p1mb.first_half.bam").getParent();
        Parameters parameters = Reads.parameters(dv.resolve("NA12878_S1.chr20.10_10p1mb.first_half.bam"),
                "reference", dv.resolve("ucsc.hg19.chr20.unittest.fasta.gz").toString(),
                "truth_vcf", dv.resolve("test_nist.b37_chr20_first_half.vcf.gz").toString(),
                "confident_bed", dv.resolve("test_nist.b37_chr20_100kbp_at_10mb.bed").toString());
        List<String> names = new AlignmentsDataReader().inputs(parameters).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("NA12878_S1.chr20.10_10p1mb.first_half.bam", "NA12878_S1.chr20.10_10p1mb.first_half.bam.bai",
                "ucsc.hg19.chr20.unittest.fasta.gz", "ucsc.hg19.chr20.unittest.fasta.gz.fai", "ucsc.hg19.chr20.unittest.fasta.gz.gzi",
                "test_nist.b37_chr20_first_half.vcf.gz", "test_nist.b37_chr20_first_half.vcf.gz.tbi",
                "test_nist.b37_chr20_100kbp_at_10mb.bed"), names);
    }
}
