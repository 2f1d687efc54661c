package org.genomod.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.ParameterException;
import org.genomod.api.param.ParameterSchema;
import org.genomod.api.param.Parameters;

/** What every plugin's unit tests do the same way. */
public final class PluginTests {
    private PluginTests() {
    }

    /** The DS descriptor bnd generated for {@code component} (bnd-process runs before the tests). */
    public static String descriptor(Class<?> component) throws IOException {
        try (InputStream in = component.getResourceAsStream("/OSGI-INF/" + component.getName() + ".xml")) {
            if (in == null) {
                throw new AssertionError("no DS descriptor for " + component.getName() + " (bnd-process runs before tests)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@link #descriptor} with every run of whitespace made one space, for matching across line breaks. */
    public static String descriptorOnOneLine(Class<?> component) throws IOException {
        return descriptor(component).replaceAll("\\s+", " ");
    }

    /** {@code raw} spec values validated against {@code schema} as the platform does; a rejection fails the test. */
    public static Parameters valid(ParameterSchema schema, Map<String, ?> raw, Path base) {
        try {
            return schema.validate(raw, base);
        } catch (ParameterException e) {
            throw new AssertionError("test parameters rejected: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code path} as the platform does: raw spec values ({@code key, value, ...}) validated against
     * the reader's schema, relative paths against the file's folder, then read.
     */
    public static Dataset read(DataReader reader, Path path, ReadContext context, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put(DataReader.PATH, path.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return reader.read(reader.parameters().validate(raw, path.getParent()), context);
        } catch (ParameterException e) {
            throw new AssertionError("test spec rejected: " + e.getMessage(), e);
        }
    }
}
