package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFlag;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.FileInspector;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.InspectionReport;
import org.genomod.api.train.Cancellation;
import org.osgi.service.component.annotations.Component;

/**
 * Reads every record of a SAM, BAM or CRAM file with strict validation (CRAM decoded against the
 * given reference unless it embeds one) and reports counts, the contigs with reads, the sort order and
 * whether an index is there; or the first problem: truncation, damaged compression, an invalid record
 * or header, a record out of the declared coordinate order, a mate CIGAR (MC) that contradicts the
 * mate, or reads on a contig the reference lacks or has with another length.
 */
@Component(service = FileInspector.class, property = FileInspector.SERVICE_PROPERTY + "=alignments")
public final class AlignmentsInspector implements FileInspector {
    private static final int CANCELLATION_INTERVAL = 4096;
    private static final byte[] BAM_MAGIC = {'B', 'A', 'M', 1};
    private static final byte[] CRAM_MAGIC = {'C', 'R', 'A', 'M'};

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Alignments.lower(file);
        if (name.endsWith(".sam") || name.endsWith(".bam") || name.endsWith(".cram")) {
            return true;
        }
        if (startsWith(head, BAM_MAGIC) || startsWith(head, CRAM_MAGIC)) {
            return true;
        }
        String text = new String(head, 0, Math.min(head.length, 4), StandardCharsets.US_ASCII);
        return text.equals("@HD\t") || text.equals("@SQ\t");
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    @Override
    public InspectionReport inspect(Path file, Path referencePath, Cancellation cancellation) throws IOException {
        Reference reference = referencePath == null ? null : Reference.open(referencePath);
        try (reference; SamReader reader = Alignments.open(file, reference)) {
            String format = reader.type().fileExtension();
            List<String> warnings = new ArrayList<>();
            SAMFileHeader header = reader.getFileHeader();
            checkPlatforms(file, header);
            Tally tally = new Tally(file, header, reference);
            try (SAMRecordIterator records = reader.iterator()) {
                while (records.hasNext()) {
                    tally.add(records.next());
                    if (tally.records % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
                        throw new CancellationException("inspecting " + file + " was cancelled: " + cancellation.reason());
                    }
                }
            } catch (InputProblem e) {
                throw e.problem();
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw HtsErrors.translate(file, e, tally.records);
            }
            // after the records, so that a truncation htsjdk notices is reported with the record it reached
            if (format.equals("bam") && !Alignments.checkTermination(file)) {
                warnings.add("no BGZF end-of-file marker, so the file may have been cut short at a block boundary");
            }
            return tally.report(format, reader.hasIndex(), warnings);
        }
    }

    /** The SAM specification's platforms (PL); htsjdk's list adds BGI and a few older names. */
    private static void checkPlatforms(Path file, SAMFileHeader header) throws InputFormatException {
        for (SAMReadGroupRecord group : header.getReadGroups()) {
            String platform = group.getPlatform();
            if (platform == null) {
                continue;
            }
            try {
                SAMReadGroupRecord.PlatformValue.valueOf(platform.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, 0, "read group '" + group.getId() + "' has platform PL:" + platform
                        + ", which is not one the SAM specification allows (e.g. ILLUMINA, PACBIO, ONT)");
            }
        }
    }

    /** Counts and per-record checks of one file. */
    private static final class Tally {
        private final Path file;
        private final SAMFileHeader header;
        private final Reference reference;
        private final boolean declaredCoordinate;
        private final BitSet contigsWithReads = new BitSet();
        private final BitSet contigsChecked = new BitSet();
        private final MateCigarCheck mates = new MateCigarCheck();
        long records;
        private long mapped;
        private long duplicates;
        private long secondary;
        private long supplementary;
        private boolean coordinateOrder = true;
        private int lastContig = -1;
        private long lastStart;

        Tally(Path file, SAMFileHeader header, Reference reference) {
            this.file = file;
            this.header = header;
            this.reference = reference;
            this.declaredCoordinate = header.getSortOrder() == SAMFileHeader.SortOrder.coordinate;
        }

        void add(SAMRecord read) {
            records++;
            int flags = read.getFlags();
            boolean isMapped = (flags & SAMFlag.READ_UNMAPPED.intValue()) == 0;
            mapped += isMapped ? 1 : 0;
            duplicates += (flags & SAMFlag.DUPLICATE_READ.intValue()) != 0 ? 1 : 0;
            secondary += (flags & SAMFlag.SECONDARY_ALIGNMENT.intValue()) != 0 ? 1 : 0;
            supplementary += (flags & SAMFlag.SUPPLEMENTARY_ALIGNMENT.intValue()) != 0 ? 1 : 0;
            int contig = read.getReferenceIndex();
            checkOrder(read, contig);
            if (isMapped && contig >= 0) {
                contigsWithReads.set(contig);
                if (reference != null && !contigsChecked.get(contig)) {
                    contigsChecked.set(contig);
                    checkReference(read, header.getSequence(contig));
                }
            }
            String mateProblem = mates.check(read, records, coordinateOrder);
            if (mateProblem != null) {
                throw problem(mateProblem);
            }
        }

        private void checkOrder(SAMRecord read, int contig) {
            int key = contig < 0 ? Integer.MAX_VALUE : contig;
            long start = contig < 0 ? 0 : read.getAlignmentStart();
            if (key < lastContig || (key == lastContig && start < lastStart)) {
                if (declaredCoordinate) {
                    throw problem(String.format(Locale.ROOT, "record %,d (%s at %s:%d) is out of order: the header declares"
                            + " SO:coordinate, but it comes after a record at %s:%d", records, read.getReadName(),
                            read.getReferenceName(), read.getAlignmentStart(), lastContig == Integer.MAX_VALUE ? "*"
                                    : header.getSequence(lastContig).getSequenceName(), lastStart));
                }
                coordinateOrder = false;
            }
            lastContig = key;
            lastStart = start;
        }

        private void checkReference(SAMRecord read, SAMSequenceRecord sequence) {
            String name = sequence.getSequenceName();
            long length = reference.length(name);
            if (length < 0) {
                throw problem(String.format(Locale.ROOT, "record %,d (%s) is on contig '%s', which reference %s lacks%s",
                        records, read.getReadName(), name, reference.path().getFileName(), ContigNaming.hint(name, reference.contigs())));
            }
            if (length != sequence.getSequenceLength()) {
                throw problem(String.format(Locale.ROOT, "contig '%s' is %,d bp in the header but %,d bp in reference %s:"
                        + " the reads were aligned to another assembly", name, sequence.getSequenceLength(), length,
                        reference.path().getFileName()));
            }
        }

        private InputProblem problem(String sentence) {
            return new InputProblem(new InputFormatException(file, 0, sentence));
        }

        InspectionReport report(String format, boolean indexed, List<String> warnings) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("mapped", mapped);
            facts.put("duplicates", duplicates);
            if (secondary > 0 || supplementary > 0) {
                facts.put("secondary", secondary);
                facts.put("supplementary", supplementary);
            }
            List<String> contigs = new ArrayList<>();
            contigsWithReads.stream().forEach(i -> contigs.add(header.getSequence(i).getSequenceName()));
            facts.put("contigs with reads", contigs);
            String declared = header.getSortOrder().name();
            facts.put("sorted", coordinateOrder && records > 0 ? "coordinate" : declared);
            if (!format.equals("sam")) {
                facts.put("index", indexed ? (format.equals("cram") ? "crai" : "bai") : "none");
            }
            if (!coordinateOrder) {
                warnings.add("not sorted by coordinate, which the alignments reader needs (samtools sort)");
            } else if (!indexed && !format.equals("sam") && records > 0) {
                warnings.add("no index, which reading a region needs (samtools index)");
            }
            return new InspectionReport(format, records, facts, warnings);
        }
    }
}
