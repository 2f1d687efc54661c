package org.genomod.model.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.param.ParameterException;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.testing.Sequences;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The default architecture on real data: UCI splice junctions (60 nt; exon-intron, intron-exon, neither). */
class SpliceJunctionTest {
    private static final List<String> CLASSES = List.of("EI", "IE", "N");
    private static final int LENGTH = 60;

    private static Path spliceData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("platform")) && Files.isDirectory(dir.resolve("plugins")))) {
            dir = dir.getParent();
        }
        Path file = (dir == null ? Path.of("..") : dir).resolve("../shared/data/uci-splice-junction/splice.data").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data missing, test skipped: " + file);
        return file;
    }

    /** Lines {@code class, name, sequence}, shuffled with a fixed seed. */
    private static Sequences read(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.removeIf(String::isBlank);
        Collections.shuffle(lines, new Random(2024));
        DatasetSchema schema = new DatasetSchema(List.of(LENGTH, 4), "dna-one-hot", TaskType.MULTICLASS, CLASSES, null);
        float[] features = new float[lines.size() * LENGTH * 4];
        float[] labels = new float[lines.size() * CLASSES.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",");
            String sequence = fields[2].trim();
            assertEquals(LENGTH, sequence.length(), "line " + lines.get(i));
            Sequences.oneHot(sequence, features, i * LENGTH * 4);
            labels[i * CLASSES.size() + CLASSES.indexOf(fields[0].trim())] = 1;
        }
        return new Sequences(schema, lines.size(), features, labels);
    }

    @Test
    void defaultArchitectureClassifiesSpliceJunctions() throws IOException, ParameterException {
        Sequences data = read(spliceData());
        int split = data.size() * 4 / 5;
        Sequences train = data.slice(0, split);
        Sequences test = data.slice(split, data.size());
        CnnModelFamily family = new CnnModelFamily();
        TrainingOptions adam = new TrainingOptions(6, 64, "adam", 3e-3, 0, false, EarlyStopping.none());
        ModelRequest request = new ModelRequest(data.schema(), family.hyperParameters().validate(Map.of(), Path.of(".")),
                adam, null, 3);
        try (Model model = family.create(request)) {
            train.train(model, 6, 64, 4);
            float[] p = model.predict(test.all());
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                int predicted = 0;
                for (int c = 1; c < CLASSES.size(); c++) {
                    predicted = p[i * 3 + c] > p[i * 3 + predicted] ? c : predicted;
                }
                correct += test.labels()[i * 3 + predicted] == 1 ? 1 : 0;
            }
            double accuracy = correct / (double) test.size();
            assertTrue(accuracy >= 0.9, "held-out accuracy " + accuracy + " on " + test.size() + " sequences");
        }
    }
}
