/**
 * The reference genome as readers, evaluators and interpreters use it: random access to an indexed
 * (plain or bgzip) FASTA with the stretch around the last request kept, the UCSC/Ensembl contig
 * naming schemes ({@code chr20}/{@code 20}, {@code chrM}/{@code MT}) and samtools-style regions.
 */
@Export
@Version("1.0.0")
package org.genomod.reader.support.genome;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
