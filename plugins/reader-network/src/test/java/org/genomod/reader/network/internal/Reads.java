package org.genomod.reader.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.data.Network;
import org.genomod.api.data.ReadContext;
import org.genomod.api.train.Cancellation;
import org.genomod.testing.PluginTests;

/** Drives the reader and the inspector as the platform does. */
final class Reads {
    static final ReadContext TRAINING = ReadContext.forTraining(Cancellation.NEVER);

    private Reads() {
    }

    /** Raw spec values validated against the reader's schema, then read. */
    static Dataset read(Path path, ReadContext context, Object... keyValues) throws IOException {
        return PluginTests.read(new NetworkDataReader(), path, context, keyValues);
    }

    static Dataset train(Path path, Object... keyValues) throws IOException {
        return read(path, TRAINING, keyValues);
    }

    /** A prediction read: no labels needed, the model's outputs given. */
    static Dataset predict(Path path, List<String> outputs, Object... keyValues) throws IOException {
        return read(path, ReadContext.forPrediction(outputs), keyValues);
    }

    /** The network alone, read for prediction with a placeholder model output. */
    static GraphNetwork network(Path path, Object... keyValues) throws IOException {
        return (GraphNetwork) predict(path, List.of("class"), keyValues).network().orElseThrow();
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

    /** The adjacency entry (row, column), or NaN when there is none. */
    static float entry(CsrMatrix m, int row, int column) {
        for (int p = m.rowPointers()[row]; p < m.rowPointers()[row + 1]; p++) {
            if (m.columnIndices()[p] == column) {
                return m.values()[p];
            }
        }
        return Float.NaN;
    }

    static float entry(Network network, String from, String to) {
        return entry(network.adjacency(), network.index(from), network.index(to));
    }

    /** What {@code genomod inspect} hands the inspector: up to 64 KiB, decompressed when gzip. */
    static byte[] head(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] magic = raw.readNBytes(2);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            if (!gzip) {
                byte[] rest = raw.readNBytes(64 * 1024 - magic.length);
                byte[] all = new byte[magic.length + rest.length];
                System.arraycopy(magic, 0, all, 0, magic.length);
                System.arraycopy(rest, 0, all, magic.length, rest.length);
                return all;
            }
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[] {0x1f, (byte) 0x8b};
        }
    }

    static boolean accepts(Path file) throws IOException {
        return new NetworkFileInspector().accepts(file, head(file));
    }

    static InspectionReport inspect(Path file) throws IOException {
        return new NetworkFileInspector().inspect(file, null, Cancellation.NEVER);
    }
}
