package org.genomod.core.internal.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genomod.api.job.PipelineSpec;
import org.genomod.api.job.SpecException;
import org.junit.jupiter.api.Test;

class TransformSpecTest {
    private static final Path BASE = Path.of("/specs");
    private final SpecParser parser = new SpecParser(Map.of("TOP", "50")::get);

    private PipelineSpec parse(String data) throws SpecException {
        return parser.parse("data:\n" + data + "model: {family: dense}\n", BASE, "test.yaml", BASE.resolve("test.yaml"));
    }

    private List<String> problems(String data) {
        return assertThrows(SpecException.class, () -> parse(data)).problems();
    }

    @Test
    void thePlainFormsTravelAsWritten() throws Exception {
        assertEquals("none", parse("  reader: plink\n").transform());
        assertEquals("none", parse("  reader: plink\n  transform: none\n").transform());
        assertEquals("standardize", parse("  reader: plink\n  transform: standardize\n").transform());
        assertEquals(new TransformSpec(null, true), TransformSpec.of("standardize"));
        assertTrue(TransformSpec.of("none").isIdentity());
    }

    @Test
    void aSelectionTravelsAsCanonicalTextThatReadsBack() throws Exception {
        PipelineSpec spec = parse("""
                  reader: plink
                  transform: {select: {top: "${TOP}", output: cc}, standardize: true}
                """);
        TransformSpec transform = TransformSpec.of(spec.transform());
        assertEquals(new TransformSpec(new TransformSpec.Selection(50, "association", "cc", null), true), transform);
        assertEquals("{\"select\":{\"top\":50,\"by\":\"association\",\"output\":\"cc\"},\"standardize\":true}", spec.transform());
        assertEquals(transform, TransformSpec.of(transform.text()));
        // the mapping without standardize: selection only
        assertEquals(new TransformSpec(new TransformSpec.Selection(3, "association", null, null), false),
                TransformSpec.of(parse("  reader: plink\n  transform: {select: {top: 3}}\n").transform()));
    }

    @Test
    void joinedInputsNameTheOneToFilter() throws Exception {
        String joined = """
                  reader: plink
                  name: genotypes
                  inputs: [{name: covariates, reader: expression, path: c.tsv}]
                """;
        TransformSpec transform = TransformSpec.of(parse(joined + "  transform: {select: {top: 10, input: genotypes}}\n").transform());
        assertEquals("genotypes", transform.select().input());
        assertEquals(List.of("data.transform.select: the job joins inputs [genotypes, covariates]; name the one to filter with input"),
                problems(joined + "  transform: {select: {top: 10}}\n"));
        assertEquals(List.of("data.transform.select.input: no input is named 'genotype' (inputs: [genotypes, covariates])"),
                problems(joined + "  transform: {select: {top: 10, input: genotype}}\n"));
    }

    @Test
    void badTransformsAreEachExplained() {
        assertEquals(List.of("data.transform must be none, standardize or a mapping {select: {top: N, by: association, output: NAME}, "
                + "standardize: true|false}, got 'normalize'"), problems("  reader: plink\n  transform: normalize\n"));
        List<String> p = problems("  reader: plink\n  transform: {select: {by: variance}, standardize: maybe, scale: 2}\n");
        assertTrue(p.stream().anyMatch(s -> s.startsWith("data.transform.select: ") && s.contains("top")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("data.transform.select: ") && s.contains("variance")), p.toString());
        assertTrue(p.contains("data.transform.standardize must be true or false, got 'maybe'"), p.toString());
        assertTrue(p.contains("data.transform: unknown transform 'scale' (known: select, standardize)"), p.toString());
        p = problems("  reader: plink\n  transform: {select: {top: 0}}\n");
        assertTrue(p.size() == 1 && p.get(0).startsWith("data.transform.select: ") && p.get(0).contains("top"), p.toString());
        assertThrows(IllegalArgumentException.class, () -> TransformSpec.of("{\"select\": 3}"));
    }
}
