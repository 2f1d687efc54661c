package org.genomod.reader.fasta.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.train.Cancellation;

/**
 * What {@code genomod inspect} learns from a sequence file, gathered while it streams by in bounded
 * memory: records, length range, the alphabet the characters fit (DNA, RNA or protein), labels, and
 * ids seen twice. What the reader would reject is rejected here with the same message: a character
 * in no alphabet, an id reused for another sequence or label; DNA and RNA mixed in one file, too.
 */
final class SequenceSurvey implements RecordParser.Sink {
    /** Checks each complete record against something else, e.g. a FASTA index. */
    interface RecordCheck {
        /**
         * @param head the first {@link #EDGE} bases (fewer when the record is shorter)
         * @param tail the last {@link #EDGE} bases
         */
        void check(String id, long line, long length, String head, String tail) throws IOException;
    }

    static final int EDGE = 32;
    /** Label sets larger than this are names, not classes, and are not listed. */
    static final int MAX_CLASSES = 20;

    // Character classes: any nucleotide code, T, U, and what only amino acids use.
    private static final byte NUCLEOTIDE = 1;
    private static final byte THYMINE = 2;
    private static final byte URACIL = 4;
    private static final byte AMINO_ACID_ONLY = 8;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean nucleotide = Alphabet.DNA.accepts(c) || Alphabet.RNA.accepts(c);
            CLASSES[c] = (byte) ((nucleotide ? NUCLEOTIDE : 0) | (c == 'T' || c == 't' ? THYMINE : 0)
                    | (c == 'U' || c == 'u' ? URACIL : 0) | (Alphabet.PROTEIN.accepts(c) && !nucleotide ? AMINO_ACID_ONLY : 0));
        }
    }

    private final Path file;
    private final RecordCheck check;
    private final Cancellation cancellation;
    private final IdRegistry ids = new IdRegistry();

    private String id;
    private String label;
    private long line;
    private long length;
    private long contentHash;
    private final StringBuilder head = new StringBuilder(EDGE);
    private final StringBuilder tail = new StringBuilder(2 * EDGE);

    private long records;
    private long bases;
    private long minLength = Long.MAX_VALUE;
    private long maxLength;
    private int seen;
    /** Where T, U and an amino-acid-only letter first occur, indexed by class bit: "record 'x' (line n)". */
    private final String[] firstSeen = new String[AMINO_ACID_ONLY + 1];
    private final long[] firstSeenLine = new long[AMINO_ACID_ONLY + 1];
    private final Map<String, long[]> labelCounts = new LinkedHashMap<>();
    private long labelled;
    private long repeats;
    private String firstRepeat;
    private char lowestQuality = Character.MAX_VALUE;
    private char highestQuality;

    /** @param check {@code null} for none */
    SequenceSurvey(Path file, RecordCheck check, Cancellation cancellation) {
        this.file = file;
        this.check = check;
        this.cancellation = cancellation;
    }

    @Override
    public void begin(String id, String label, long line) {
        if (records % RecordCollector.CANCELLATION_INTERVAL == 0 && cancellation.isCancelled()) {
            throw new CancellationException("inspecting " + file + " was cancelled: " + cancellation.reason());
        }
        this.id = id;
        this.label = label;
        this.line = line;
        length = 0;
        contentHash = 0xcbf29ce484222325L;
        head.setLength(0);
        tail.setLength(0);
    }

    @Override
    public void bases(String piece, long pieceLine) throws IOException {
        int classes = 0;
        long hash = contentHash;
        for (int i = 0, n = piece.length(); i < n; i++) {
            char c = piece.charAt(i);
            int cls = c < 128 ? CLASSES[c] : 0;
            if (cls == 0) {
                throw new InputFormatException(file, pieceLine, "record '" + id + "': invalid character "
                        + (c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c)) + " at position "
                        + (length + i + 1) + " (not a nucleotide or amino-acid code)");
            }
            classes |= cls;
            hash = (hash ^ c) * 0x100000001b3L;
        }
        contentHash = hash;
        if ((classes & ~seen) != 0) {
            for (int bit : new int[] {THYMINE, URACIL, AMINO_ACID_ONLY}) {
                if ((classes & bit) != 0 && (seen & bit) == 0) {
                    firstSeen[bit] = "record '" + id + "' (line " + pieceLine + ")";
                    firstSeenLine[bit] = pieceLine;
                }
            }
            seen |= classes;
        }
        if (check != null) {
            keepEdges(piece);
        }
        length += piece.length();
    }

    private void keepEdges(String piece) {
        if (head.length() < EDGE) {
            head.append(piece, 0, Math.min(piece.length(), EDGE - head.length()));
        }
        tail.append(piece, Math.max(0, piece.length() - EDGE), piece.length());
        if (tail.length() > EDGE) {
            tail.delete(0, tail.length() - EDGE);
        }
    }

    @Override
    public void qualities(String qualities, long qualityLine) {
        for (int i = 0, n = qualities.length(); i < n; i++) {
            char q = qualities.charAt(i);
            lowestQuality = q < lowestQuality ? q : lowestQuality;
            highestQuality = q > highestQuality ? q : highestQuality;
        }
    }

    @Override
    public void end() throws IOException {
        records++;
        bases += length;
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
        long content = contentHash * 31 + (label == null ? 0 : IdRegistry.fingerprint(label));
        IdRegistry.Earlier earlier = ids.register(id, content, line);
        if (earlier != null) {
            if (!earlier.sameContent()) {
                throw new InputFormatException(file, line, "duplicate id '" + id + "' (first used on line " + earlier.line() + ")");
            }
            if (repeats++ == 0) {
                firstRepeat = "'" + id + "' on line " + line + " repeats line " + earlier.line();
            }
        }
        if (label != null) {
            labelled++;
            long[] count = labelCounts.get(label);
            if (count != null) {
                count[0]++;
            } else if (labelCounts.size() <= MAX_CLASSES) {
                labelCounts.put(label, new long[] {1});
            }
        }
        if (check != null) {
            check.check(id, line, length, head.toString(), tail.toString());
        }
    }

    long records() {
        return records;
    }

    long bases() {
        return bases;
    }

    /**
     * The alphabet every record fits: protein when a letter only amino acids use occurs, else RNA when
     * there is U, else DNA.
     *
     * @throws InputFormatException when T and U both occur in a nucleotide file
     */
    Alphabet alphabet() throws InputFormatException {
        if ((seen & AMINO_ACID_ONLY) != 0) {
            return Alphabet.PROTEIN;
        }
        if ((seen & THYMINE) != 0 && (seen & URACIL) != 0) {
            long later = Math.max(firstSeenLine[THYMINE], firstSeenLine[URACIL]);
            throw new InputFormatException(file, later, "mixes DNA and RNA: " + firstSeen[THYMINE] + " has T, "
                    + firstSeen[URACIL] + " has U");
        }
        return (seen & URACIL) != 0 ? Alphabet.RNA : Alphabet.DNA;
    }

    /** {@code 101}, or {@code 57-1,200} when lengths differ. */
    String lengthRange() {
        return minLength == maxLength ? String.format(Locale.ROOT, "%,d", minLength)
                : String.format(Locale.ROOT, "%,d-%,d", minLength, maxLength);
    }

    /**
     * The classes and their record counts, e.g. {@code 0:24,000 1:6,000}, when every record carries a
     * label and labels repeat; {@code null} otherwise (no labels, or names rather than classes).
     */
    String classes() {
        if (labelled != records || labelCounts.size() > MAX_CLASSES || labelCounts.size() >= records) {
            return null;
        }
        StringJoiner joiner = new StringJoiner(" ");
        labelCounts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> joiner.add(e.getKey() + ":" + String.format(Locale.ROOT, "%,d", e.getValue()[0])));
        return joiner.toString();
    }

    /** Phred+33 quality range, e.g. {@code 2-41}; {@code null} when there were no qualities. */
    String qualityRange() {
        return highestQuality == 0 ? null : (lowestQuality - '!') + "-" + (highestQuality - '!');
    }

    /** Things legal but worth knowing. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (repeats > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d", repeats) + (repeats == 1 ? " record repeats" : " records repeat")
                    + " an earlier record's id, sequence and label (" + firstRepeat + ")");
        }
        if (labelled > 0 && labelled < records && labelCounts.size() <= MAX_CLASSES && labelCounts.size() < labelled) {
            warnings.add("only " + String.format(Locale.ROOT, "%,d of %,d", labelled, records) + " records carry a label");
        }
        if (ids.full()) {
            warnings.add("duplicate ids were checked among the first " + String.format(Locale.ROOT, "%,d", IdRegistry.CAPACITY)
                    + " records only");
        }
        return warnings;
    }
}
