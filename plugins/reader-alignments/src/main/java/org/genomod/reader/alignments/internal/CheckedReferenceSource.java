package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.cram.ref.CRAMReferenceSource;
import htsjdk.samtools.cram.ref.ReferenceSource;
import java.nio.file.Path;
import org.genomod.api.data.InputFormatException;

/**
 * The reference CRAM decoding asks for, checked first: a missing contig or one of another length is
 * reported in one sentence instead of htsjdk's "Failure getting reference bases". htsjdk's own name
 * variants (chr20 for 20) are not tried: a CRAM decodes against the names it was written with.
 * CRAMs that embed their reference never ask.
 */
final class CheckedReferenceSource implements CRAMReferenceSource {
    private final Path cram;
    private final Reference reference;
    private final ReferenceSource bases;

    /** @param reference {@code null} when none was given */
    CheckedReferenceSource(Path cram, Reference reference) {
        this.cram = cram;
        this.reference = reference;
        this.bases = reference == null ? null : new ReferenceSource(reference.path());
    }

    @Override
    public byte[] getReferenceBases(SAMSequenceRecord sequence, boolean tryNameVariants) {
        check(sequence);
        return bases.getReferenceBases(sequence, false);
    }

    @Override
    public byte[] getReferenceBasesByRegion(SAMSequenceRecord sequence, int zeroBasedStart, int requestedRegionLength) {
        check(sequence);
        return bases.getReferenceBasesByRegion(sequence, zeroBasedStart, requestedRegionLength);
    }

    private void check(SAMSequenceRecord sequence) {
        String name = sequence.getSequenceName();
        if (reference == null) {
            throw new InputProblem(new InputFormatException(cram, 0, "decoding this CRAM needs the reference sequence of contig '"
                    + name + "' (it stores reads as differences to it), but no reference was given"));
        }
        long length = reference.length(name);
        if (length < 0) {
            throw new InputProblem(new InputFormatException(cram, 0, "the CRAM has reads on contig '" + name
                    + "', which reference " + reference.path().getFileName() + " lacks" + ContigNaming.hint(name, reference.contigs())));
        }
        if (length != sequence.getSequenceLength()) {
            throw new InputProblem(new InputFormatException(cram, 0, "contig '" + name + "' is "
                    + String.format(java.util.Locale.ROOT, "%,d", sequence.getSequenceLength()) + " bp in the CRAM header but "
                    + String.format(java.util.Locale.ROOT, "%,d", length) + " bp in reference " + reference.path().getFileName()
                    + ": the CRAM was made against another reference"));
        }
    }
}
