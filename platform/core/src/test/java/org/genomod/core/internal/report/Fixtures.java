package org.genomod.core.internal.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The metrics documents of real runs (resources next to this class): splice (multi-class CNN, 4 epochs, with
 * curves, logos and a selection table added by make_fixture.py), snpstats multi-task (multi-label) and
 * bladderbatch imputation (regression).
 */
final class Fixtures {
    static final String SPLICE = "splice-metrics.json";
    static final String MULTILABEL = "multilabel-metrics.json";
    static final String REGRESSION = "regression-metrics.json";

    private Fixtures() {
    }

    static Map<String, Object> load(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() { });
        }
    }
}
