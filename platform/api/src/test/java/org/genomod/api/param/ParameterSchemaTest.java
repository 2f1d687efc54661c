package org.genomod.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterSchemaTest {
    private final ParameterSchema schema = ParameterSchema.builder()
            .required("path", ParameterType.PATH, "input file")
            .integer("filters", 32, 1, 4096, "convolution filters")
            .number("dropout", 0.2, 0, 0.9, "dropout rate")
            .choice("padding", "same", List.of("same", "valid"), "padding")
            .flag("batch_norm", false, "batch normalisation")
            .add(new Parameter("widths", ParameterType.INTEGER_LIST, false, List.of(9), "kernel widths", null, 1.0, 1000.0))
            .build();

    @TempDir
    Path dir;

    @Test
    void appliesDefaultsAndConvertsYamlSpellings() throws Exception {
        Files.writeString(dir.resolve("a.fa"), ">a\nACGT\n");
        Parameters p = schema.validate(Map.of("path", "a.fa", "filters", "64", "batch_norm", "true", "widths", 5), dir);
        assertEquals(dir.resolve("a.fa"), p.path("path"));
        assertEquals(64, p.integer("filters"));
        assertEquals(0.2, p.number("dropout"));
        assertEquals("same", p.string("padding"));
        assertTrue(p.flag("batch_norm"));
        assertEquals(List.of(5), p.integers("widths"));
        assertEquals(dir.resolve("a.fa").toString(), p.asMap().get("path"));
    }

    @Test
    void reportsEveryProblemAtOnceNamingParameterAndAcceptedValues() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("path", "missing.fa");
        raw.put("filters", 1.5);
        raw.put("dropout", 2);
        raw.put("padding", "full");
        raw.put("widths", List.of(3, "x"));
        raw.put("fliters", 8);
        ParameterException e = assertThrows(ParameterException.class, () -> schema.validate(raw, dir));
        List<String> problems = e.problems();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unknown parameter 'fliters' (known: path, filters,"), problems.get(0));
        assertTrue(problems.contains("parameter 'path' names a file that does not exist: " + dir.resolve("missing.fa")));
        assertTrue(problems.contains("parameter 'filters' must be an integer in [1, 4096], got '1.5'"), problems.toString());
        assertTrue(problems.contains("parameter 'dropout' must be a number in [0, 0.9], got 2"), problems.toString());
        assertTrue(problems.contains("parameter 'padding' must be one of same, valid, got 'full'"), problems.toString());
        assertTrue(problems.contains("parameter 'widths' must be a list of integers in [1, 1000], got 'x'"), problems.toString());
    }

    @Test
    void missingRequiredParameterIsNamedWithItsDescription() {
        ParameterException e = assertThrows(ParameterException.class, () -> schema.validate(Map.of(), dir));
        assertEquals(List.of("missing required parameter 'path' (a path: input file)"), e.problems());
    }

    @Test
    void requiredParametersCannotHaveDefaults() {
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter("x", ParameterType.STRING, true, "d", "", null, null, null));
    }
}
