/**
 * The accelerator service: hot numeric primitives with a CPU implementation and, where present, a GPU one giving identical results.
 */
@Export
@Version("1.0.0")
package org.genomod.api.compute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
