package org.genomod.model.rnn.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.Sequences;

/**
 * Trains on one iONMF protein's train file and prints, per epoch, wall time, validation AUROC (last 10 %
 * of the train file) and test AUROC (the protein's test file). A tuning aid, not a test:
 * <pre>
 * java -cp ... org.genomod.model.rnn.internal.IonmfRun DATA_DIR PROTEIN EPOCHS LR SEED [key=value ...]
 * </pre>
 * Values: {@code units=64,32} (a list), numbers, {@code true}/{@code false}, words.
 */
public final class IonmfRun {
    static final int LENGTH = 101;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve(args[1]);
        int epochs = Integer.parseInt(args[2]);
        double lr = Double.parseDouble(args[3]);
        long seed = Long.parseLong(args[4]);
        int batch = 64;
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[0].equals("batch")) {
                batch = Integer.parseInt(kv[1]);
            } else {
                raw.put(kv[0], value(kv[1]));
            }
        }
        Sequences train = read(dir.resolve("train.sequences.fa.gz"));
        Sequences test = read(dir.resolve("test.sequences.fa.gz"));
        int split = train.size() * 9 / 10;
        Sequences fit = train.slice(0, split);
        Sequences validation = train.slice(split, train.size());
        RnnModelFamily family = new RnnModelFamily();
        TrainingOptions options = new TrainingOptions(epochs, batch, "adam", lr, 0, false, EarlyStopping.none());
        ModelRequest request = new ModelRequest(train.schema(), family.hyperParameters().validate(raw, Path.of(".")),
                options, null, seed);
        try (Model model = family.create(request)) {
            System.out.println(args[1] + " " + raw + " lr=" + lr + " batch=" + batch + " seed=" + seed
                    + " params=" + model.parameterCount());
            long start = System.nanoTime();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long t0 = System.nanoTime();
                double loss = fit.train(model, 1, batch, seed * 1000 + epoch);
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                double val = Sequences.auroc(validation.predict(model, 256), validation.labels());
                double auc = Sequences.auroc(test.predict(model, 256), test.labels());
                System.out.printf("epoch %d loss %.4f train %.1fs val_auroc %.4f test_auroc %.4f total %.0fs%n",
                        epoch, loss, trainSeconds, val, auc, (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static Object value(String s) {
        if (s.contains(",") || s.startsWith("[")) {
            String inner = s.replace("[", "").replace("]", "");
            List<Integer> list = new ArrayList<>();
            for (String part : inner.split(",")) {
                if (!part.isBlank()) {
                    list.add(Integer.parseInt(part.trim()));
                }
            }
            return list;
        }
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        try {
            return s.contains(".") ? (Object) Double.parseDouble(s) : (Object) Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** iONMF FASTA: {@code > chr1,+,69315,69415; class:0}, 101 nt over two lines. */
    static Sequences read(Path file) throws IOException {
        List<String> sequences = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII))) {
            StringBuilder sequence = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(">")) {
                    if (sequence != null) {
                        sequences.add(sequence.toString());
                    }
                    sequence = new StringBuilder();
                    labels.add(line.trim().endsWith("class:1") ? 1f : 0f);
                } else {
                    sequence.append(line.trim());
                }
            }
            sequences.add(sequence.toString());
        }
        DatasetSchema schema = Sequences.schema(LENGTH);
        float[] features = new float[sequences.size() * LENGTH * 4];
        float[] y = new float[sequences.size()];
        for (int i = 0; i < sequences.size(); i++) {
            Sequences.centre(sequences.get(i), LENGTH, features, i * LENGTH * 4);
            y[i] = labels.get(i);
        }
        return new Sequences(schema, sequences.size(), features, y);
    }
}
