package org.genomod.reader.alignments.internal;

import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.genomod.api.data.InputFormatException;

/** Opening SAM, BAM and CRAM files the same way for reading and inspecting. */
final class Alignments {
    private Alignments() {
    }

    /**
     * Opens the file with strict validation (an invalid record is an error, never skipped) and a
     * reference source that reports missing or mismatched contigs clearly.
     *
     * @param reference {@code null} when none was given (CRAMs with embedded references still decode)
     */
    static SamReader open(Path file, Reference reference) throws InputFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputFormatException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (size == 0) {
            throw new InputFormatException(file, 0, "the file is empty");
        }
        try {
            return SamReaderFactory.makeDefault()
                    .validationStringency(ValidationStringency.STRICT)
                    .referenceSource(new CheckedReferenceSource(file, reference))
                    .open(file);
        } catch (InputProblem e) {
            throw e.problem();
        } catch (RuntimeException e) {
            throw HtsErrors.translate(file, e, 0);
        }
    }

    /**
     * Whether a BAM ends with a complete BGZF block: htsjdk may stop quietly at a block cut short, so a
     * truncated BAM would otherwise read as a shorter one.
     *
     * @return {@code false} when the end-of-file marker is missing but the last block is whole (legal; samtools warns)
     */
    static boolean checkTermination(Path file) throws IOException {
        return switch (BlockCompressedInputStream.checkTermination(file)) {
            case DEFECTIVE -> throw new InputFormatException(file, 0,
                    "the file is truncated or damaged: it does not end with a complete BGZF block");
            case HAS_HEALTHY_LAST_BLOCK -> false;
            case HAS_TERMINATOR_BLOCK -> true;
        };
    }

    /** The index files htsjdk would use for the file: {@code x.bam.bai}, {@code x.bai}, {@code x.cram.crai}. */
    static List<Path> indexes(Path file) {
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<Path> found = new ArrayList<>();
        for (String candidate : List.of(name + ".bai", base + ".bai", name + ".crai", base + ".crai", name + ".csi")) {
            Path index = file.resolveSibling(candidate);
            if (!candidate.equals(name) && Files.isRegularFile(index) && !found.contains(index)) {
                found.add(index);
            }
        }
        return found;
    }

    /** The files an indexed FASTA is read with: the FASTA, its .fai and, for bgzip, its .gzi. */
    static List<Path> referenceFiles(Path fasta) {
        List<Path> files = new ArrayList<>(List.of(fasta));
        for (String suffix : List.of(".fai", ".gzi")) {
            Path side = fasta.resolveSibling(fasta.getFileName() + suffix);
            if (Files.isRegularFile(side)) {
                files.add(side);
            }
        }
        return files;
    }

    /** The VCF and its index, if there is one. */
    static List<Path> vcfFiles(Path vcf) {
        List<Path> files = new ArrayList<>(List.of(vcf));
        for (String suffix : List.of(".tbi", ".csi")) {
            Path side = vcf.resolveSibling(vcf.getFileName() + suffix);
            if (Files.isRegularFile(side)) {
                files.add(side);
            }
        }
        return files;
    }

    static String lower(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
