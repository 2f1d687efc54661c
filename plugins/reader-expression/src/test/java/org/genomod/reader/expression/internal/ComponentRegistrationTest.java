package org.genomod.reader.expression.internal;

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
        String xml = descriptor(ExpressionDataReader.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.reader\" type=\"String\" value=\"expression\"/>"), xml);
        assertTrue(xml.replaceAll("\\s+", " ").contains("<property name=\"genomod.formats\" type=\"String\">csv tsv gct soft</property>"), xml);
    }

    @Test
    void inspectorIsRegistered() throws IOException {
        String xml = descriptor(ExpressionInspector.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"expression\"/>"), xml);
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new ExpressionDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+(_[a-z]+)*"), p.name()));
        assertEquals(20, new ExpressionDataReader().parameters().parameters().size());
    }
}
