/**
 * Evaluators (plugin SPI): predictions against labels become metrics.
 */
@Export
@Version("1.1.0")
package org.genomod.api.eval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
