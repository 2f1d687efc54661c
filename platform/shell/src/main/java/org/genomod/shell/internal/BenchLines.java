package org.genomod.shell.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON lines the benchmark subcommands print: one object per measurement, keys in insertion order. */
final class BenchLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchLines() {
    }

    static Map<String, Object> line(String benchmark, String what) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("benchmark", benchmark);
        if (what != null) {
            line.put("what", what);
        }
        return line;
    }

    static void print(Console console, Map<String, ?> line) throws JsonProcessingException {
        console.out().println(JSON.writeValueAsString(line));
    }

    /** Rates of 100 and more as whole numbers, smaller figures to three decimals. */
    static double round(double v) {
        return v >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000.0;
    }
}
