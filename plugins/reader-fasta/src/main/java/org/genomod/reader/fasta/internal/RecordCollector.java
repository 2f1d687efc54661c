package org.genomod.reader.fasta.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * Accepts parsed records one by one, checking what needs the whole file (ids, lengths, labels), and
 * keeps them compactly (the sequence as a byte per base, the label and group as shared names) until
 * the outputs are known and the dataset can be built. The group is the contig of a coordinate-named record
 * (see {@link GenomicId}), so chromosomes can be held out.
 */
final class RecordCollector implements SequenceAssembler.Receiver {
    /** Records between cancellation checks: cheap enough to be responsive, rare enough to cost nothing. */
    static final int CANCELLATION_INTERVAL = 4096;

    private final Path file;
    private final boolean sameLength;
    private final Function<SequenceRecord, String> labelOf;
    private final Cancellation cancellation;

    private final List<String> ids = new ArrayList<>();
    private final List<byte[]> sequences = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, String> contigs = new HashMap<>();
    private final List<Long> lines = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    /** Each class name's one shared instance and the line that first used it, in order of first use. */
    private final Map<String, FirstUse> classes = new LinkedHashMap<>();
    private int unlabelled;
    private int firstUnlabelled = -1;

    /**
     * @param sameLength whether every record must have the first record's length
     * @param labelOf    the label of a record under the chosen label source; {@code null} for none
     */
    RecordCollector(Path file, boolean sameLength, Function<SequenceRecord, String> labelOf, Cancellation cancellation) {
        this.file = file;
        this.sameLength = sameLength;
        this.labelOf = labelOf;
        this.cancellation = cancellation;
    }

    @Override
    public void accept(SequenceRecord record) throws IOException {
        int index = ids.size();
        checkCancelled(index);
        byte[] bases = record.bases();
        if (sameLength && index > 0 && bases.length != sequences.get(0).length) {
            throw new InputFormatException(file, record.line(), "record '" + record.id() + "' has "
                    + bases.length + " bases, but the first record (line " + lines.get(0) + ") has "
                    + sequences.get(0).length + "; set the parameter length to crop and pad to one length");
        }
        String label = canonical(labelOf.apply(record), record.line());
        Integer first = indexById.putIfAbsent(record.id(), index);
        if (first != null && !isRepeat(first, bases, label)) {
            throw new InputFormatException(file, record.line(), "duplicate id '" + record.id()
                    + "' (first used on line " + lines.get(first) + ")");
        }
        if (label == null) {
            unlabelled++;
            firstUnlabelled = firstUnlabelled < 0 ? index : firstUnlabelled;
        }
        ids.add(record.id());
        sequences.add(bases);
        labels.add(label);
        String contig = GenomicId.contigOf(record.id());
        groups.add(contig == null ? null : contigs.computeIfAbsent(contig, c -> c));
        lines.add(record.line());
    }

    /**
     * An exact repeat (same id, sequence and label) is kept rather than rejected: published sets such
     * as UCI splice-junction contain them and their benchmark counts include them.
     */
    private boolean isRepeat(int first, byte[] bases, String label) {
        return Arrays.equals(sequences.get(first), bases) && Objects.equals(labels.get(first), label);
    }

    private record FirstUse(String label, long line) {
    }

    /** The one shared instance of each class name, so a million records hold a handful of strings. */
    private String canonical(String label, long line) {
        return label == null ? null : classes.computeIfAbsent(label, l -> new FirstUse(l, line)).label();
    }

    void checkCancelled(int recordIndex) {
        if (recordIndex % CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
            throw new CancellationException("reading " + file + " was cancelled: " + cancellation.reason());
        }
    }

    /**
     * Decides whether the data set is labelled: all records labelled, or (when labels are optional) none.
     *
     * @param hint why a record may lack a label, for the error message
     * @throws InputFormatException when a record lacks a label that is required, or only some records have one
     */
    boolean labelled(boolean required, String hint) throws InputFormatException {
        if (unlabelled == 0) {
            return true;
        }
        if (unlabelled == size() && !required) {
            return false;
        }
        throw new InputFormatException(file, lines.get(firstUnlabelled), "record '" + ids.get(firstUnlabelled)
                + "' has no label (" + hint + ")" + (required ? "" : ", but other records have one"));
    }

    int size() {
        return ids.size();
    }

    /** The length shared by all records; meaningful only when no fixed length was given. */
    int commonLength() {
        return sequences.get(0).length;
    }

    /** The labels found, in order of first use, each with the line that first used it. */
    Map<String, Long> classes() {
        Map<String, Long> lineByClass = new LinkedHashMap<>();
        classes.values().forEach(c -> lineByClass.put(c.label(), c.line()));
        return lineByClass;
    }

    String id(int index) {
        return ids.get(index);
    }

    /** The index of the first record named {@code id}, or -1 when there is none. */
    int indexOf(String id) {
        return indexById.getOrDefault(id, -1);
    }

    /** The line record {@code index} starts on. */
    long line(int index) {
        return lines.get(index);
    }

    byte[] sequence(int index) {
        return sequences.get(index);
    }

    String label(int index) {
        return labels.get(index);
    }

    /** The contig of a coordinate-named record, else {@code null}. */
    String group(int index) {
        return groups.get(index);
    }
}
