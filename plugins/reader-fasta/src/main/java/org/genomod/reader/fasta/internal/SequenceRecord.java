package org.genomod.reader.fasta.internal;

/**
 * One record as parsed, before labels are resolved and the sequence encoded.
 *
 * @param id       the record's name in its file
 * @param bases    the sequence as written, as ASCII codes (validated against the alphabet, case kept)
 * @param label    the label the record carries itself (FASTA/FASTQ header, UCI class, TSV label column); {@code null} for none
 * @param line     the line the record starts on
 */
record SequenceRecord(String id, byte[] bases, String label, long line) {
}
