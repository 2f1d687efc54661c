package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generated from the annotations carry the selection properties. */
class ComponentRegistrationTest {

    private static String descriptor(Class<?> component) throws IOException {
        return PluginTests.descriptor(component);
    }

    @Test
    void readerIsRegisteredForItsFormats() throws IOException {
        String xml = descriptor(FastaDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"fasta\"/>"), xml);
        assertTrue(xml.replaceAll("\\s+", " ").contains("<property name=\"genomod.formats\" type=\"String\">fasta fastq uci tsv</property>"), xml);
    }

    @Test
    void inspectorIsRegisteredForTheFamily() throws IOException {
        String xml = descriptor(SequenceFileInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"fasta\"/>"), xml);
    }

    @Test
    void encodersAreRegisteredByEncoding() throws IOException {
        assertTrue(descriptor(DnaOneHotEncoderService.class).contains("name=\"genomod.encoder\" type=\"String\" value=\"dna-one-hot\""));
        assertTrue(descriptor(RnaOneHotEncoderService.class).contains("name=\"genomod.encoder\" type=\"String\" value=\"rna-one-hot\""));
        float[] out = new float[8];
        new DnaOneHotEncoderService().encode("TN", out, 0);
        assertArrayEquals(new float[] {0, 0, 0, 1, .25f, .25f, .25f, .25f}, out);
        assertEquals(4, new RnaOneHotEncoderService().channels());
        assertTrue(descriptor(ProteinOneHotEncoderService.class).contains("name=\"genomod.encoder\" type=\"String\" value=\"protein-one-hot\""));
        assertEquals(20, new ProteinOneHotEncoderService().channels());
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new FastaDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(16, new FastaDataReader().parameters().parameters().size());
    }
}
