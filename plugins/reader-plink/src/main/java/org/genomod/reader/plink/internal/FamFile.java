package org.genomod.reader.plink.internal;

import org.genomod.reader.support.LineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of a PLINK {@code .fam} file: six fields per line (family id, individual id, father,
 * mother, sex, phenotype), in the order of the {@code .bed} columns. Samples are named by their
 * individual id when those are unique in the file, else by {@code FID:IID}.
 */
final class FamFile {
    /** One line of the file. */
    record Sample(String fid, String iid, String phenotype, long line) {
    }

    private final Path path;
    private final List<Sample> samples;
    private final Set<String> iids;
    private final boolean iidsUnique;

    private FamFile(Path path, List<Sample> samples, Set<String> iids, boolean iidsUnique) {
        this.path = path;
        this.samples = samples;
        this.iids = iids;
        this.iidsUnique = iidsUnique;
    }

    static FamFile read(Path path) throws IOException {
        List<Sample> samples = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Set<String> iids = new HashSet<>();
        boolean iidsUnique = true;
        try (LineSource lines = LineSource.open(path)) {
            for (String line = lines.nextLine(); line != null; line = lines.nextLine()) {
                long number = lines.lineNumber();
                List<String> f = Words.split(line);
                if (f.size() != 6) {
                    throw lines.error(number, "has " + f.size() + " fields, expected 6 (FID IID father mother sex phenotype)");
                }
                Long first = seen.putIfAbsent(f.get(0) + '\t' + f.get(1), number);
                if (first != null) {
                    throw lines.error(number, "duplicate sample '" + f.get(0) + " " + f.get(1) + "' (first on line " + first + ")");
                }
                iidsUnique &= iids.add(f.get(1));
                samples.add(new Sample(f.get(0), f.get(1), f.get(5), number));
            }
            if (samples.isEmpty()) {
                throw lines.error(0, "is empty: a .fam file needs one line per sample");
            }
        }
        return new FamFile(path, List.copyOf(samples), iids, iidsUnique);
    }

    Path path() {
        return path;
    }

    int size() {
        return samples.size();
    }

    Sample sample(int index) {
        return samples.get(index);
    }

    /** The sample's name in the dataset. */
    String id(int index) {
        Sample s = samples.get(index);
        return iidsUnique ? s.iid() : s.fid() + ":" + s.iid();
    }

    /** Whether individual ids alone name the samples. */
    boolean iidsUnique() {
        return iidsUnique;
    }

    /** Whether some sample has this individual id. */
    boolean hasIid(String iid) {
        return iids.contains(iid);
    }
}
