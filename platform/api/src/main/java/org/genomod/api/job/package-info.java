/**
 * Pipeline specs, jobs and their lifecycle, and prediction with a saved model.
 */
@Export
@Version("1.3.0")
package org.genomod.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
