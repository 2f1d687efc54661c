/**
 * Writing result files so that a reader never sees half of one, with the permissions the user's umask gives.
 */
@Export
@Version("1.0.0")
package org.genomod.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
