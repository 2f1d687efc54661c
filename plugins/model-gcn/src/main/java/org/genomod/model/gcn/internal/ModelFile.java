package org.genomod.model.gcn.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genomod.api.train.LearningRateSchedule;

/**
 * The saved state of a model: one binary file (big-endian, {@link DataOutputStream}) holding the layer
 * widths, optimiser settings (with the learning-rate schedule) and seed, node-feature scaling, the identity
 * table's node names and every parameter.
 * Hyper-parameters are in the model card the store writes; the widths here are checked against them on
 * load. The network itself is not saved: it comes with the data at prediction time.
 */
final class ModelFile {
    static final String NAME = "gcn-model.bin";
    private static final int MAGIC = 0x47434e31; // "GCN1"
    private static final int FORMAT = 1;

    /** What a model is rebuilt from. {@code scaling} is {@code null} in graph mode or before any network was seen. */
    record Contents(int[] widths, Optimisation optimisation, long seed, FeatureScaling scaling,
                    List<String> identityNodes, float[] values) {
    }

    private ModelFile() {
    }

    static void write(Path directory, Contents c) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(directory.resolve(NAME))))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeInts(out, c.widths());
            out.writeUTF(c.optimisation().optimizer());
            out.writeDouble(c.optimisation().learningRate());
            out.writeDouble(c.optimisation().gradientClip());
            out.writeUTF(c.optimisation().schedule().type());
            out.writeDouble(c.optimisation().schedule().factor());
            out.writeInt(c.optimisation().schedule().every());
            out.writeInt(c.optimisation().epochs());
            out.writeLong(c.seed());
            out.writeBoolean(c.scaling() != null);
            if (c.scaling() != null) {
                writeFloats(out, c.scaling().mean());
                writeFloats(out, c.scaling().scale());
            }
            out.writeInt(c.identityNodes().size());
            for (String node : c.identityNodes()) {
                out.writeUTF(node);
            }
            writeFloats(out, c.values());
        }
    }

    static Contents read(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved graph convolution model: " + file + " does not exist");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a saved graph convolution model (wrong magic number)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + ": saved in format " + format + ", this plugin reads format " + FORMAT);
            }
            int[] widths = readInts(in);
            Optimisation optimisation;
            try {
                optimisation = new Optimisation(in.readUTF(), in.readDouble(), in.readDouble(),
                        new LearningRateSchedule(in.readUTF(), in.readDouble(), in.readInt()), in.readInt());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": corrupt optimiser settings: " + e.getMessage(), e);
            }
            long seed = in.readLong();
            FeatureScaling scaling = in.readBoolean() ? new FeatureScaling(readFloats(in), readFloats(in)) : null;
            int identityCount = count(in);
            List<String> nodes = new ArrayList<>(identityCount);
            for (int i = 0; i < identityCount; i++) {
                nodes.add(in.readUTF());
            }
            float[] values = readFloats(in);
            if (in.read() != -1) {
                throw new IOException(file + ": unexpected data after the parameters");
            }
            return new Contents(widths, optimisation, seed, scaling, nodes, values);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated", e);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt model file: negative length " + n);
        }
        return n;
    }
}
