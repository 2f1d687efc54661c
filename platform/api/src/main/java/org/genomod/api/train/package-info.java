/**
 * The platform trainer: mini-batches, early stopping on a validation metric with the best state restored, progress events and cancellation.
 */
@Export
@Version("1.1.0")
package org.genomod.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
