package org.genomod.reader.fasta.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.DinucleotideShuffle;
import org.genomod.reader.support.OutputPlan;

/**
 * Negatives for a file of positives only, made as DeepBind made them for its {@code *_AC.seq.gz} training
 * files: dinucleotide shuffles of each positive ({@link DinucleotideShuffle}), which keep its composition,
 * so a model must learn the motif rather than GC content. The file's one class becomes the positive output
 * of a binary task and the shuffles read 0.
 *
 * <p>The shuffles are drawn once, in file order, from one generator seeded with {@code seed}, and held
 * like the records, a byte per base. The k-th shuffle of record {@code id} is {@code id/shuffle<k>} (as in
 * reader-intervals) and keeps its record's group, so holding out a chromosome holds out its shuffles too.
 *
 * @param ratio shuffles per positive
 * @param seed  the generator's seed
 */
record ShuffledNegatives(int ratio, int seed) {
    static final String ID_SUFFIX = "/shuffle";
    /** The label of every shuffle: the negative of the binary task's one output. */
    private static final float[] NEGATIVE = {0f};

    /**
     * The binary task: the file's one class against its shuffles.
     *
     * @param classes      the labels of the file, each with the line that first used it
     * @param positive     the {@code positive} parameter, or {@code null}
     * @param modelOutputs a trained model's outputs, or empty when training decides them
     * @throws InputFormatException when the file brings negatives of its own, or names another positive class
     */
    OutputPlan plan(Map<String, Long> classes, String positive, List<String> modelOutputs, Path file)
            throws InputFormatException {
        List<String> labels = List.copyOf(classes.keySet());
        if (labels.size() > 1) {
            String second = labels.get(1);
            throw new InputFormatException(file, classes.get(second), "negatives: shuffled is for a file of positives "
                    + "only, but this record is labelled '" + second + "' (the file has the classes " + labels
                    + "); set negatives: none for a file that brings its own negatives");
        }
        String only = labels.get(0);
        if (positive != null && !positive.equals(only)) {
            throw new InputFormatException(file, 0, "the positive class '" + positive + "' is not the file's one class '"
                    + only + "' (negatives: shuffled takes every record as a positive)");
        }
        return OutputPlan.resolve(OutputPlan.TaskChoice.BINARY, only, modelOutputs, classes, file);
    }

    /** How many examples the records and their shuffles make. */
    int examples(int records, Path file) throws InputFormatException {
        long examples = (long) records * (1 + ratio);
        if (examples > Integer.MAX_VALUE - 8) {
            throw new InputFormatException(file, 0, records + " records with " + ratio + " shuffles each make more "
                    + "examples than a dataset holds; lower negative_ratio");
        }
        return (int) examples;
    }

    /**
     * Fills the entries after the records (from {@code records.size()} on) with the shuffles: those of
     * record 0 first, then record 1's, and so on.
     */
    void append(RecordCollector records, String[] ids, byte[][] sequences, String[] groups, float[][] labels,
                Path file) throws InputFormatException {
        SplittableRandom random = new SplittableRandom(seed);
        int at = records.size();
        for (int i = 0; i < records.size(); i++) {
            records.checkCancelled(i);
            // Case carries no meaning here (the encoding ignores it), so it must not split a base in two letters.
            byte[] source = upperCase(records.sequence(i));
            for (int k = 1; k <= ratio; k++, at++) {
                ids[at] = records.id(i) + ID_SUFFIX + k;
                int taken = records.indexOf(ids[at]);
                if (taken >= 0) {
                    throw new InputFormatException(file, records.line(taken), "record '" + ids[at]
                            + "' is named like shuffle " + k + " of record '" + records.id(i)
                            + "', which negatives: shuffled adds; rename it");
                }
                sequences[at] = new byte[source.length];
                DinucleotideShuffle.shuffle(source, sequences[at], random);
                groups[at] = records.group(i);
                labels[at] = NEGATIVE;
            }
        }
    }

    private static byte[] upperCase(byte[] bases) {
        byte[] upper = new byte[bases.length];
        for (int i = 0; i < bases.length; i++) {
            upper[i] = (byte) Character.toUpperCase(bases[i]);
        }
        return upper;
    }
}
