package org.genomod.eval.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.eval.Metrics;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small edge lists whose rankings can be worked out by hand. */
class NetworkEvaluatorTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Metrics evaluate(Path predictions, Path gold, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        NetworkTruthEvaluator evaluator = new NetworkTruthEvaluator();
        return evaluator.evaluate(predictions, gold, PluginTests.valid(evaluator.parameters(), raw, dir));
    }

    private Path gold() throws IOException {
        return file("gold.tsv", "A\tB\t1\nA\tC\t1\nB\tC\t0\nC\tA\t0\n");
    }

    @Test
    void isRegisteredAsTheNetworkTruthEvaluatorWithDream5sCut() throws IOException {
        String xml = PluginTests.descriptorOnOneLine(NetworkTruthEvaluator.class);
        assertTrue(xml.contains("<property name=\"genomod.truth\" type=\"String\" value=\"network\"/>"), xml);
        assertEquals(100_000, new NetworkTruthEvaluator().parameters().parameter("top").orElseThrow().defaultValue());
    }

    @Test
    void aPerfectRankingScoresOneAndPredictionsOutsideTheGoldStandardAreIgnored() throws IOException {
        Metrics m = evaluate(file("p.tsv", "X\tY\t9\nA\tB\t0.9\nA\tC\t0.8\nB\tC\t0.1\nC\tA\t0.05\n"), gold());
        assertEquals(1.0, m.scalars().get("auroc"));
        assertEquals(1.0, m.scalars().get("auprc"));
        assertEquals(1L, m.details().get("predictions_not_in_gold"));
    }

    @Test
    void goldEdgesWithoutPredictionAreRankedLastTogether() throws IOException {
        // ranked: A-C (positive), then A-B, B-C, C-A tied last: ROC (0,0)->(0,.5)->(1,1): AUROC 0.75
        Metrics m = evaluate(file("p.tsv", "A\tC\t0.3\n"), gold());
        assertEquals(0.75, m.scalars().get("auroc"), 1e-12);
        // AP: recall .5 at precision 1, then recall 1 at precision 2/4
        assertEquals(0.5 * 1 + 0.5 * 0.5, m.scalars().get("auprc"), 1e-12);
        assertEquals(3L, m.details().get("unpredicted_gold_edges"));
        // top 1 of two predictions: only the higher-scoring B-C counts, A-C falls to the tied rest
        Metrics cut = evaluate(file("p2.tsv", "A\tC\t0.3\nB\tC\t0.6\n"), gold(), "top", 1);
        assertEquals((0.5 * 0.0) + 0.5 * (0 + 1) / 2.0, cut.scalars().get("auroc"), 1e-12); // (0,0)->(.5,0)->(1,1)
    }

    @Test
    void undirectedEdgesJoinBothDirections() throws IOException {
        // undirected pairs: A-B +, A-C + (A->C is 1, C->A is 0), B-C -; C->A scored 0.9 stands for A-C
        Metrics m = evaluate(file("p.tsv", "C\tA\t0.9\nB\tA\t0.8\nC\tB\t0.1\n"), gold(), "directed", false);
        assertEquals(1.0, m.scalars().get("auroc"));
        assertEquals(2L, m.details().get("positives"));
        assertEquals(1L, m.details().get("negatives"));
    }

    @Test
    void malformedLinesAreNamed() throws IOException {
        Path gold = gold();
        InputFormatException e = assertThrows(InputFormatException.class, () -> evaluate(file("p.tsv", "A\tB\t0.5\nA\tC\thigh\n"), gold));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("third column 'high' is not a finite number"), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> evaluate(file("q.tsv", "# comment\nA\tB\n"), gold));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("has 2 columns, expected 3"), e.getMessage());
        Path badGold = file("g.tsv", "A\tB\t1\nA\tC\tyes\n");
        e = assertThrows(InputFormatException.class, () -> evaluate(file("r.tsv", "A\tB\t1\n"), badGold));
        assertEquals(badGold, e.file());
        assertEquals(2, e.line());
        Path positivesOnly = file("h.tsv", "A\tB\t1\nA\tC\t1\n");
        e = assertThrows(InputFormatException.class, () -> evaluate(file("s.tsv", "A\tB\t1\n"), positivesOnly));
        assertTrue(e.getMessage().contains("no negative edges (0)"), e.getMessage());
    }
}
