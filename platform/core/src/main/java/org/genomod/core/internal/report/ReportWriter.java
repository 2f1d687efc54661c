package org.genomod.core.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.genomod.core.internal.io.AtomicFiles;

/**
 * Writes report.html, the human view of a job's metrics document (docs/reports.md): one self-contained
 * file that a browser shows offline, with tables and SVG plots.
 */
public final class ReportWriter {
    /** Reads the document as metrics.json has it (paths as plain strings, arrays as lists, NaN kept as NaN). */
    private static final ObjectMapper TREE = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

    private ReportWriter() {
    }

    /** Renders {@code metricsDocument} (the map that becomes metrics.json) and writes it to {@code file} atomically. */
    public static void write(Path file, Map<String, ?> metricsDocument) throws IOException {
        AtomicFiles.writeString(file, render(metricsDocument));
    }

    public static String render(Map<String, ?> metricsDocument) {
        return render((JsonNode) TREE.valueToTree(metricsDocument));
    }

    static String render(JsonNode metricsDocument) {
        return new ReportPage(metricsDocument).render();
    }
}
