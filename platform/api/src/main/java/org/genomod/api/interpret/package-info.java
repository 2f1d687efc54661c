/**
 * Interpreters (plugin SPI): attribution, mutagenesis and variant-effect scoring over a trained model.
 */
@Export
@Version("1.1.0")
package org.genomod.api.interpret;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
