package org.genomod.eval.classification.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The DS descriptor bnd generates (before tests run) is what the platform selects the evaluator by. */
class ComponentDescriptionTest {

    @Test
    void registersAsTheClassificationEvaluator() throws IOException {
        Path descriptor = Path.of("target/classes/OSGI-INF/" + ClassificationEvaluator.class.getName() + ".xml");
        assertTrue(Files.isRegularFile(descriptor), "bnd did not generate " + descriptor.toAbsolutePath());
        String xml = Files.readString(descriptor);

        assertTrue(xml.contains("<provide interface=\"org.genomod.api.eval.Evaluator\"/>"), xml);
        assertTrue(xml.matches("(?s).*<property name=\"genomod.evaluator\"[^>]*value=\"classification\"/>.*"), xml);
    }
}
