package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.genomod.api.param.Parameter;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generated from the annotations carry the selection properties. */
class ComponentRegistrationTest {

    private static String descriptor(Class<?> component) throws IOException {
        return PluginTests.descriptorOnOneLine(component);
    }

    @Test
    void readerIsRegisteredForVcfAndBcf() throws IOException {
        String xml = descriptor(VcfDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"vcf\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.formats\" type=\"String\">vcf bcf</property>"), xml);
    }

    @Test
    void inspectorIsRegistered() throws IOException {
        String xml = descriptor(VcfFileInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"vcf\"/>"), xml);
    }

    @Test
    void parametersAreSnakeCaseAndModeSpecificOnesHaveNoDeclaredDefault() {
        List<Parameter> parameters = List.copyOf(new VcfDataReader().parameters().parameters());
        parameters.forEach(p -> assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(List.of("path", "mode", "reference", "window", "on_ref_mismatch", "chr_prefix", "contig_map", "region",
                "max_variants", "pass_only", "variant_types", "label_info", "labels_file", "task", "positive", "missing"),
                parameters.stream().map(Parameter::name).toList());
        for (String modeSpecific : List.of("reference", "window", "on_ref_mismatch", "chr_prefix", "contig_map", "label_info",
                "labels_file", "missing")) {
            assertEquals(null, new VcfDataReader().parameters().parameter(modeSpecific).orElseThrow().defaultValue(), modeSpecific);
        }
    }
}
