package org.genomod.core.internal.compute;

import org.genomod.api.compute.Accelerator;
import org.genomod.api.compute.CsrMatrix;
import org.osgi.service.component.annotations.Component;

/** The reference implementation every accelerator must agree with. */
@Component(service = Accelerator.class, property = {Accelerator.SERVICE_PROPERTY + "=cpu", "service.ranking:Integer=0"})
public final class CpuAccelerator implements Accelerator {

    @Override
    public String device() {
        return "cpu (" + Runtime.getRuntime().availableProcessors() + " cores)";
    }

    @Override
    public void sparseDenseMultiply(CsrMatrix a, float[] dense, int denseColumns, float[] out) {
        if (dense.length != a.columns() * denseColumns || out.length != a.rows() * denseColumns) {
            throw new IllegalArgumentException("dense must be " + a.columns() + " x " + denseColumns
                    + " and out " + a.rows() + " x " + denseColumns);
        }
        int[] pointers = a.rowPointers();
        int[] columns = a.columnIndices();
        float[] values = a.values();
        for (int r = 0; r < a.rows(); r++) {
            int o = r * denseColumns;
            java.util.Arrays.fill(out, o, o + denseColumns, 0f);
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                float v = values[p];
                int d = columns[p] * denseColumns;
                for (int c = 0; c < denseColumns; c++) {
                    out[o + c] += v * dense[d + c];
                }
            }
        }
    }
}
