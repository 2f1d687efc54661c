package org.genomod.eval.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.genomod.api.eval.Metrics;
import org.genomod.testing.PluginTests;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real DREAM5 gold standards (E. coli Network3, yeast Network4) against a prediction constructed from
 * them: gold row i (0-based) with label y is predicted unless i % 3 == 0, scored ((i * 7919) % 1000) / 1000 +
 * 0.25 y (many ties), followed by 500 edges G9999 -> G<k> the gold standard lacks, scored (k % 100) / 100.
 * The expected values are scikit-learn 1.2.1's on the same construction: src/test/python/sklearn_reference.py.
 */
class Dream5GoldStandardTest {
    @TempDir
    static Path dir;

    /** Written once per network: the tests share it. */
    private static Path constructedPrediction(String network, Path gold) throws IOException {
        Path file = dir.resolve(network + "-prediction.tsv");
        if (Files.exists(file)) {
            return file;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gold)), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(file)) {
            long i = 0;
            for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
                String[] f = line.split("\t");
                if (i % 3 != 0) {
                    double score = ((i * 7919) % 1000) / 1000.0 + 0.25 * Integer.parseInt(f[2]);
                    out.write(f[0] + "\t" + f[1] + "\t" + score + "\n");
                }
            }
            for (int k = 0; k < 500; k++) {
                out.write("G9999\tG" + k + "\t" + (k % 100) / 100.0 + "\n");
            }
        }
        return file;
    }

    @ParameterizedTest(name = "{0} directed={1} top={2}")
    @CsvSource({
        "Network3, true, 0, 0.5972103081307776, 0.18977077394827002, 0.19012671569692927, 2066, 152280",
        "Network3, true, 20000, 0.5943703456125086, 0.18677973976524878, 0.1931659651045669, 2066, 152280",
        "Network3, false, 0, 0.5957196684354696, 0.19165579251287662, 0.191999416048721, 2055, 142410",
        "Network4, true, 0, 0.5970839028576156, 0.1953228406007386, 0.1956490179974128, 3940, 227202",
    })
    void agreesWithScikitLearn(String network, boolean directed, int top, double auroc, double auprc, double trapezoid,
                               long positives, long universe) throws IOException {
        Path gold = SharedData.file("dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_" + network + ".tsv.gz");
        Path prediction = constructedPrediction(network, gold);
        NetworkTruthEvaluator evaluator = new NetworkTruthEvaluator();
        Metrics m = evaluator.evaluate(prediction, gold,
                PluginTests.valid(evaluator.parameters(), Map.of("directed", directed, "top", top), dir));
        assertEquals(auroc, m.scalars().get("auroc"), 1e-9);
        assertEquals(auprc, m.scalars().get("auprc"), 1e-9);
        assertEquals(trapezoid, (double) m.details().get("aupr_trapezoid"), 1e-9);
        assertEquals(positives, m.details().get("positives"));
        assertEquals(universe, (long) m.details().get("positives") + (long) m.details().get("negatives"));
        if (top == 0) {
            assertEquals(500L, m.details().get("predictions_not_in_gold"));
        }
    }
}
