package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.function.Executable;

/** Drives the reader as the platform does (raw spec values validated against its schema), and decodes what it produced. */
final class Reads {
    static final ReadContext TRAINING = ReadContext.forTraining(Cancellation.NEVER);
    /** A read with labels optional and no model: what a Java caller scoring variants gets. */
    static final ReadContext SCORING = new ReadContext(false, List.of("score"), Cancellation.NEVER);

    private Reads() {
    }

    static Dataset read(Path path, ReadContext context, Object... keyValues) throws IOException {
        return PluginTests.read(new VcfDataReader(), path, context, keyValues);
    }

    static Dataset score(Path path, Object... keyValues) throws IOException {
        return read(path, SCORING, keyValues);
    }

    static Dataset train(Path path, Object... keyValues) throws IOException {
        return read(path, TRAINING, keyValues);
    }

    static InspectionReport inspect(Path path, Path reference) throws IOException {
        return new VcfFileInspector().inspect(path, reference, Cancellation.NEVER);
    }

    static float[] features(Dataset dataset, int index) {
        float[] values = new float[dataset.schema().featureSize()];
        dataset.features(index, values, 0);
        return values;
    }

    static float[] labels(Dataset dataset, int index) {
        float[] values = new float[dataset.schema().labelSize()];
        dataset.labels(index, values, 0);
        return values;
    }

    /** The reference window of example {@code index} as bases: A/C/G/T, N for 0.25 each, '-' for padding. */
    static String refWindow(Dataset dataset, int index) {
        return window(dataset, index, 0);
    }

    /** The alternative window of example {@code index}, decoded like {@link #refWindow}. */
    static String altWindow(Dataset dataset, int index) {
        return window(dataset, index, 4);
    }

    private static String window(Dataset dataset, int index, int channel) {
        float[] f = features(dataset, index);
        int length = dataset.schema().featureShape().get(0);
        StringBuilder s = new StringBuilder(length);
        for (int p = 0; p < length; p++) {
            s.append(base(f, p * 8 + channel));
        }
        return s.toString();
    }

    private static char base(float[] f, int at) {
        float sum = f[at] + f[at + 1] + f[at + 2] + f[at + 3];
        if (sum == 0f) {
            return '-';
        }
        assertEquals(1f, sum, 1e-6f, "a position's channels sum to 1");
        if (f[at] == 0.25f && f[at + 1] == 0.25f && f[at + 2] == 0.25f) {
            return 'N';
        }
        for (int c = 0; c < 4; c++) {
            if (f[at + c] == 1f) {
                return "ACGT".charAt(c);
            }
        }
        return '?';
    }

    static int indexOf(Dataset dataset, String id) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.id(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no example " + id);
    }

    /** Asserts one InputFormatException reading {@code <file>:<line>: ...problem...} ({@code <file>: ...} for line 0). */
    static InputFormatException assertRejected(Path file, long line, String problem, Executable read) {
        InputFormatException e = assertThrows(InputFormatException.class, read);
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(line > 0 ? file + ":" + line + ": " : file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }
}
