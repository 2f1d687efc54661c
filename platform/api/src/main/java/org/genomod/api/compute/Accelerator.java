package org.genomod.api.compute;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Platform service: hot numeric primitives. Registered with {@value #SERVICE_PROPERTY} = {@code cpu}
 * or {@code cuda}; every implementation gives the CPU one's results (within float rounding).
 */
@ProviderType
public interface Accelerator {
    String SERVICE_PROPERTY = "genomod.accelerator";

    /** Device description, e.g. "cpu (2 threads)" or "NVIDIA H200". */
    String device();

    /**
     * {@code out = a × dense}, with {@code dense} row-major {@code a.columns() × denseColumns} and
     * {@code out} row-major {@code a.rows() × denseColumns}.
     */
    void sparseDenseMultiply(CsrMatrix a, float[] dense, int denseColumns, float[] out);
}
