/**
 * Plumbing every reader plugin needs the same way: numbered line reading of plain or gzip files with
 * one-sentence errors, and turning class labels into a task and output columns.
 */
@Export
@Version("1.0.0")
package org.genomod.reader.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
