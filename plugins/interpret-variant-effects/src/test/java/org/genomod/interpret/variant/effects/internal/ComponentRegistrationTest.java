package org.genomod.interpret.variant.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.genomod.api.param.Parameter;
import org.genomod.reader.fasta.internal.DnaOneHotEncoderService;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** The DS descriptors bnd generated carry the selection properties and the encoder reference. */
class ComponentRegistrationTest {

    @Test
    void scorerIsRegisteredAndNeedsTheDnaEncoder() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(VariantEffectScorer.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.interpret.VariantScorer\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.variant.scorer\" type=\"String\" value=\"windows\"/>"), xml);
        assertTrue(xml.contains("target=\"(genomod.encoder=dna-one-hot)\""), xml);
    }

    @Test
    void interpreterIsRegistered() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(VariantEffectInterpreter.class);
        assertTrue(xml.contains("<provide interface=\"org.genomod.api.interpret.Interpreter\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.interpreter\" type=\"String\" value=\"variant-effects\"/>"), xml);
    }

    @Test
    void parametersAreSnakeCaseAndTheScorerNeedsNone() {
        List<Parameter> interpreter = List.copyOf(new VariantEffectInterpreter(new DnaOneHotEncoderService()).parameters().parameters());
        assertEquals(List.of("vcf", "reference", "batch_size", "format", "strongest"), interpreter.stream().map(Parameter::name).toList());
        List<Parameter> scorer = List.copyOf(Scoring.scorer().parameters().parameters());
        assertEquals(List.of("batch_size"), scorer.stream().map(Parameter::name).toList());
        assertTrue(scorer.stream().noneMatch(Parameter::required), "benchmarks validate an empty map");
    }
}
