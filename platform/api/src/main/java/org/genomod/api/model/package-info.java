/**
 * Model families (plugin SPI) and the models they create: one optimisation step, prediction, snapshots for early stopping, and saving.
 */
@Export
@Version("1.5.0")
package org.genomod.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
