package org.genomod.reader.intervals.internal;

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
        String xml = descriptor(IntervalsDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"intervals\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.formats\" type=\"String\">bed narrowpeak interval_list</property>"), xml);
    }

    @Test
    void inspectorIsRegistered() throws IOException {
        String xml = descriptor(IntervalsInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"intervals\"/>"), xml);
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new IntervalsDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(21, new IntervalsDataReader().parameters().parameters().size());
    }
}
