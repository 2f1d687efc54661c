package org.genomod.api.data;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.train.Cancellation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Plugin SPI: reads a file of a format family completely and reports what it holds, or the first
 * thing wrong with it, so users can check inputs before a long job. Registered with
 * {@value #SERVICE_PROPERTY} naming the format family (usually the reader's name).
 */
@ConsumerType
public interface FileInspector {
    String SERVICE_PROPERTY = "genomod.inspector";

    /**
     * Whether this inspector reads {@code file}, judged from its name and its first bytes
     * ({@code head}: up to 64 KiB, decompressed when the file is gzip or BGZF).
     */
    boolean accepts(Path file, byte[] head);

    /**
     * Reads the whole file.
     *
     * @param reference a FASTA reference to check reference alleles or decode CRAM against; may be {@code null}
     * @throws InputFormatException for a malformed file: one sentence naming the record or line and what is wrong
     */
    InspectionReport inspect(Path file, Path reference, Cancellation cancellation) throws IOException;
}
