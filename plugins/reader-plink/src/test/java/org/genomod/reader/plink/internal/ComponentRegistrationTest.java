package org.genomod.reader.plink.internal;

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
    void readerAndInspectorAreRegistered() throws IOException {
        String reader = descriptor(PlinkDataReader.class);
        assertTrue(reader.contains("<provide interface=\"org.genomod.api.data.DataReader\"/>"), reader);
        assertTrue(reader.contains("<property name=\"genomod.reader\" type=\"String\" value=\"plink\"/>"), reader);
        assertTrue(reader.contains("name=\"genomod.formats\" type=\"String\" value=\"plink\""), reader);
        String inspector = descriptor(PlinkInspector.class);
        assertTrue(inspector.contains("<provide interface=\"org.genomod.api.data.FileInspector\"/>"), inspector);
        assertTrue(inspector.contains("<property name=\"genomod.inspector\" type=\"String\" value=\"plink\"/>"), inspector);
    }

    @Test
    void parametersAreDeclaredInSnakeCase() {
        new PlinkDataReader().parameters().parameters().forEach(p ->
                assertTrue(p.name().matches("[a-z]+[0-9]?(_[a-z]+)*"), p.name()));
        assertEquals(15, new PlinkDataReader().parameters().parameters().size());
    }

    @Test
    void lookupTableDecodesEveryCodeOfEveryPosition() {
        GenotypeDecoder a1 = new GenotypeDecoder(true);
        GenotypeDecoder a2 = new GenotypeDecoder(false);
        // 0b11_10_01_00: samples 0..3 = hom A1, missing, het, hom A2
        int b = 0b11_10_01_00;
        assertArrayEquals(new byte[] {2, -1, 1, 0}, new byte[] {a1.count(b, 0), a1.count(b, 1), a1.count(b, 2), a1.count(b, 3)});
        assertArrayEquals(new byte[] {0, -1, 1, 2}, new byte[] {a2.count(b, 0), a2.count(b, 1), a2.count(b, 2), a2.count(b, 3)});
        for (int v = 0; v < 256; v++) {
            for (int k = 0; k < 4; k++) {
                int code = (v >> (2 * k)) & 3;
                byte expected = (byte) (code == 0 ? 2 : code == 1 ? -1 : code == 2 ? 1 : 0);
                assertEquals(expected, a1.count(v, k), "byte " + v + " sample " + k);
            }
        }
    }
}
