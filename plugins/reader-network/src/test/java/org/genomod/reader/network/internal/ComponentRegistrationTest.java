package org.genomod.reader.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generated from the annotations carry the selection properties. */
class ComponentRegistrationTest {

    private static String descriptor(Class<?> component) throws IOException {
        return PluginTests.descriptorOnOneLine(component);
    }

    @Test
    void readerIsRegisteredForItsFormats() throws IOException {
        String xml = descriptor(NetworkDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"network\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.formats\" type=\"String\">edgelist sif graphml</property>"), xml);
    }

    @Test
    void inspectorIsRegistered() throws IOException {
        String xml = descriptor(NetworkFileInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"network\"/>"), xml);
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new NetworkDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(20, new NetworkDataReader().parameters().parameters().size());
    }
}
