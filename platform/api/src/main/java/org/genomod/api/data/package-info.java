/**
 * Data readers and the datasets they produce: encoded examples with labels, ids and grouping keys (e.g. chromosome) for splitting.
 */
@Export
@Version("1.0.0")
package org.genomod.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
