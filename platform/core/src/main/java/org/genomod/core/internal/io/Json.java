package org.genomod.core.internal.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON configuration every file genomod writes uses: pretty, insertion order, NaN as null. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    public static void write(Path target, Object value) throws IOException {
        AtomicFiles.write(target, out -> MAPPER.writeValue(out, JsonValues.plain(value)));
    }
}
