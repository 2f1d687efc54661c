/**
 * Plumbing every reader plugin needs the same way: numbered line reading of plain or gzip files with
 * one-sentence errors, turning class labels into a task and output columns, and the dinucleotide shuffle
 * that makes negatives from positives.
 */
@Export
@Version("1.1.0")
package org.genomod.reader.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
