package org.genomod.eval.regression.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;

/** The DS descriptor bnd generates (before tests run) is what the platform selects the evaluator by. */
class ComponentDescriptionTest {

    @Test
    void registersAsTheRegressionEvaluator() throws IOException {
        String xml = PluginTests.descriptor(RegressionEvaluator.class);

        assertTrue(xml.contains("<provide interface=\"org.genomod.api.eval.Evaluator\"/>"), xml);
        assertTrue(xml.contains("<property name=\"genomod.evaluator\" type=\"String\" value=\"regression\"/>"), xml);
    }
}
