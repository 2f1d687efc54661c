package org.genomod.model.gcn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.compute.Accelerator;
import org.genomod.api.compute.CsrMatrix;
import org.genomod.api.data.ArrayDataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.train.TrainingOptions;
import org.genomod.core.internal.compute.CpuAccelerator;
import org.junit.jupiter.api.Test;

class PropagationTest {

    private static float[][] dense(CsrMatrix m) {
        float[][] d = new float[m.rows()][m.columns()];
        for (int r = 0; r < m.rows(); r++) {
            for (int p = m.rowPointers()[r]; p < m.rowPointers()[r + 1]; p++) {
                d[r][m.columnIndices()[p]] = m.values()[p];
            }
        }
        return d;
    }

    @Test
    void transposeOfADirectedNetworkIsExactWithSortedColumns() {
        SplittableRandom random = new SplittableRandom(1);
        TestNetwork.Builder b = TestNetwork.builder(30, true);
        for (int i = 0; i < 120; i++) {
            b.edge(random.nextInt(30), random.nextInt(30), (float) random.nextDouble() - 0.3f);
        }
        CsrMatrix a = b.build().normalisedAdjacency();
        CsrMatrix t = Propagation.transpose(a);
        float[][] da = dense(a);
        float[][] dt = dense(t);
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 30; c++) {
                assertEquals(da[r][c], dt[c][r], "entry " + r + "," + c);
            }
            for (int p = t.rowPointers()[r] + 1; p < t.rowPointers()[r + 1]; p++) {
                assertTrue(t.columnIndices()[p - 1] < t.columnIndices()[p], "row " + r + " unsorted");
            }
        }
        assertEquals(a.nonZeros(), t.nonZeros());
        assertFalse(new Propagation(new CpuAccelerator(), a).symmetric());
    }

    @Test
    void anUndirectedNetworkSharesItsMatrixForBothDirections() {
        TestNetwork net = TestNetwork.builder(4, false).edge(0, 1, 1).edge(1, 2, 1).edge(2, 3, 1).build();
        Propagation p = new Propagation(new CpuAccelerator(), net.normalisedAdjacency());
        assertTrue(p.symmetric());
        float[] x = {1, 2, 3, 4};
        assertArrayEquals(p.forward(x, 1), p.backward(x, 1));
    }

    /** Counts the sparse products a model asks the accelerator for. */
    private static final class CountingAccelerator implements Accelerator {
        final CpuAccelerator cpu = new CpuAccelerator();
        final List<CsrMatrix> calls = new ArrayList<>();

        @Override
        public String device() {
            return "counting " + cpu.device();
        }

        @Override
        public void sparseDenseMultiply(CsrMatrix a, float[] dense, int denseColumns, float[] out) {
            calls.add(a);
            cpu.sparseDenseMultiply(a, dense, denseColumns, out);
        }
    }

    @Test
    void everySparseProductGoesThroughTheAcceleratorAndTheTransposeIsBuiltOnce() {
        TestNetwork net = TestNetwork.builder(6, true).edge(0, 1, 1).edge(1, 2, 1).edge(2, 0, 1).edge(3, 4, 1).edge(5, 4, 1)
                .noiseFeatures(2, new SplittableRandom(1)).build();
        DatasetSchema schema = Fixtures.nodeSchema(2, 2);
        ArrayDataset data = Fixtures.nodes(net, schema, new int[] {0, 1, 0, 1, 0, 1}, new int[] {0, 1, 2, 3, 4, 5});
        CountingAccelerator accelerator = new CountingAccelerator();
        GcnModelFamily family = new GcnModelFamily(accelerator);
        try (Model model = family.create(new ModelRequest(schema, Fixtures.parameters(Map.of("hidden", List.of(3))),
                TrainingOptions.defaults(), null, 1))) {
            Batch batch = Fixtures.batch(data);
            model.fit(batch);
            assertEquals(4, accelerator.calls.size(), "two convolutions forward and backward");
            CsrMatrix forward = accelerator.calls.get(0);
            assertSame(forward, accelerator.calls.get(1));
            CsrMatrix backward = accelerator.calls.get(2);
            assertSame(backward, accelerator.calls.get(3));
            assertArrayEquals(Propagation.transpose(forward).values(), backward.values());
            model.fit(batch);
            assertSame(backward, accelerator.calls.get(6), "the transpose is cached with the network");
            model.predict(batch);
            model.loss(batch);
            model.predict(batch);
            assertEquals(10, accelerator.calls.size(), "inference over all nodes is computed once until the next update");
            assertTrue(model.summary().contains("counting cpu"), model.summary());
        }
    }
}
