/**
 * The model store: saved model directories with a model card and a verified SHA-256 manifest.
 */
@Export
@Version("1.0.0")
package org.genomod.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
