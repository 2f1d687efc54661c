package org.genomod.reader.intervals.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.genomod.api.train.Cancellation;
import org.genomod.reader.support.DinucleotideShuffle;

/** Negative examples for windows of positives: GC-matched genomic background, or dinucleotide shuffles. */
final class NegativeWindows {
    private NegativeWindows() {
    }

    /** How many negatives a total of {@code positives} asks for at {@code ratio}. */
    static int count(int positives, double ratio) {
        return (int) Math.round(positives * ratio);
    }

    /**
     * Background windows with the positives' GC distribution: per GC bin, {@code ratio} times as many
     * windows as the positives have there (rounded cumulatively, so the total is the rounded product).
     *
     * @param allowed  per reference contig, whether background may come from it
     * @param excluded intervals no background window may overlap (positives, label peaks, blacklist)
     */
    static List<Window> gcMatched(List<Window> positives, double ratio, GcMatchedSampler sampler, WindowFetcher fetcher,
                                  boolean[] allowed, List<IntervalIndex> excluded, SplittableRandom random, Cancellation cancellation, ReadReport report) throws IOException {
        int[] histogram = new int[sampler.bins()];
        for (Window w : positives) {
            int bin = sampler.bin(w.bases);
            if (bin >= 0) {
                histogram[bin]++;
            }
        }
        int[] wanted = new int[histogram.length];
        long cumulative = 0;
        for (int b = 0; b < histogram.length; b++) {
            int before = (int) Math.round(cumulative * ratio);
            cumulative += histogram[b];
            wanted[b] = (int) Math.round(cumulative * ratio) - before;
        }
        List<Window> background = sampler.sample(wanted, allowed, excluded, random, cancellation);
        fetcher.fetch(background, cancellation, "background windows");
        long total = 0;
        for (int w : wanted) {
            total += w;
        }
        report.background = background.size();
        report.backgroundShortfall = total - background.size();
        return background;
    }

    /**
     * {@code ratio} dinucleotide-shuffled copies per positive, spread evenly (positive {@code i} gets
     * {@code round((i+1) ratio) - round(i ratio)} copies). A copy keeps its source's contig as its group,
     * so that a chromosome hold-out keeps shuffles of held-out positives out of training.
     */
    static List<Window> shuffled(List<Window> positives, double ratio, SplittableRandom random, ReadReport report) {
        List<Window> copies = new ArrayList<>(count(positives.size(), ratio));
        for (int i = 0; i < positives.size(); i++) {
            Window source = positives.get(i);
            int n = (int) (Math.round((i + 1) * ratio) - Math.round(i * ratio));
            for (int k = 1; k <= n; k++) {
                Window copy = new Window(Window.Kind.SHUFFLED, source.contig, source.start, source.minus, Double.NaN, k);
                copy.bases = new byte[source.bases.length];
                DinucleotideShuffle.shuffle(source.bases, copy.bases, random);
                copy.acgt = source.acgt; // same letters, other order
                copies.add(copy);
            }
        }
        report.shuffled = copies.size();
        return copies;
    }
}
