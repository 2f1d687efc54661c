package org.genomod.eval.variants.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.genomod.api.data.InputFormatException;
import org.genomod.reader.support.genome.ContigAliases;
import org.genomod.reader.support.genome.Region;

/**
 * Where variants are counted: inside the confident-region BED (0-based, half-open intervals) and inside
 * the region (1-based, inclusive), each when given. A variant counts when its normalised position lies
 * inside, as {@code bcftools view -T} decides for targets. Contigs are the reference's names.
 */
final class TargetRegions {
    /** Per contig: merged, sorted intervals as 1-based inclusive {@code starts[i]..ends[i]}. */
    private final Map<String, long[][]> bed;
    private final Region region;
    private final List<String> warnings;

    private TargetRegions(Map<String, long[][]> bed, Region region, List<String> warnings) {
        this.bed = bed;
        this.region = region;
        this.warnings = List.copyOf(warnings);
    }

    static TargetRegions everywhere() {
        return new TargetRegions(null, null, List.of());
    }

    /**
     * @param bedFile a BED file or {@code null}
     * @param regionText samtools syntax ({@code chr20}, {@code chr20:10000000-10010000}) or {@code null}
     * @throws InputFormatException for a malformed BED line, or a BED none of whose contigs the reference has
     * @throws IllegalArgumentException for a malformed region or one on a contig the reference lacks
     */
    static TargetRegions of(Path bedFile, String regionText, ContigAliases aliases) throws IOException {
        Region region = null;
        if (regionText != null) {
            Region parsed = Region.parse(regionText);
            String contig = aliases.resolve(parsed.contig());
            if (contig == null) {
                throw new IllegalArgumentException("region '" + regionText + "': " + aliases.explainMissing(parsed.contig()));
            }
            region = parsed.onContig(contig);
        }
        List<String> warnings = new ArrayList<>();
        return new TargetRegions(bedFile == null ? null : readBed(bedFile, aliases, warnings), region, warnings);
    }

    private static Map<String, long[][]> readBed(Path file, ContigAliases aliases, List<String> warnings) throws IOException {
        Map<String, List<long[]>> byContig = new HashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        long line = 0;
        long intervals = 0;
        try (BufferedReader in = TextFiles.open(file)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#") || text.startsWith("track") || text.startsWith("browser")) {
                    continue;
                }
                String[] f = text.split("\t");
                if (f.length < 3) {
                    throw new InputFormatException(file, line, "a BED line needs at least 3 tab-separated columns (contig, start, end), found "
                            + f.length);
                }
                long start = coordinate(file, line, "start", f[1]);
                long end = coordinate(file, line, "end", f[2]);
                if (end < start) {
                    throw new InputFormatException(file, line, "end " + end + " is before start " + start);
                }
                intervals++;
                String contig = aliases.resolve(f[0]);
                if (contig == null) {
                    unknown.add(f[0]);
                } else if (end > start) {
                    byContig.computeIfAbsent(contig, c -> new ArrayList<>()).add(new long[] {start + 1, end});
                }
            }
        }
        if (byContig.isEmpty()) {
            throw new InputFormatException(file, 0, intervals == 0 ? "holds no intervals"
                    : "none of its contigs is in the reference FASTA: " + aliases.explainMissing(unknown.first()));
        }
        if (!unknown.isEmpty()) {
            warnings.add("BED contigs the reference lacks were ignored: " + String.join(", ", unknown));
        }
        Map<String, long[][]> merged = new HashMap<>();
        byContig.forEach((contig, list) -> merged.put(contig, merge(list)));
        return merged;
    }

    private static long coordinate(Path file, long line, String what, String text) throws InputFormatException {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputFormatException(file, line, what + " '" + text + "' is not a 0-based position (a whole number >= 0)");
    }

    private static long[][] merge(List<long[]> intervals) {
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] i : intervals) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                out.add(i.clone());
            }
        }
        long[] starts = out.stream().mapToLong(i -> i[0]).toArray();
        long[] ends = out.stream().mapToLong(i -> i[1]).toArray();
        return new long[][] {starts, ends};
    }

    /** Whether any position of {@code contig} can count; records elsewhere are dropped before normalisation. */
    boolean covers(String contig) {
        return (region == null || region.contig().equals(contig)) && (bed == null || bed.containsKey(contig));
    }

    /** Whether a variant at this 1-based position counts. */
    boolean contains(String contig, long position) {
        if (region != null && !region.contains(contig, position)) {
            return false;
        }
        if (bed == null) {
            return true;
        }
        long[][] intervals = bed.get(contig);
        if (intervals == null) {
            return false;
        }
        int i = Arrays.binarySearch(intervals[0], position);
        int candidate = i >= 0 ? i : -i - 2; // the last interval starting at or before the position
        return candidate >= 0 && position <= intervals[1][candidate];
    }

    /** Whether a region or BED limits the evaluation. */
    boolean restricted() {
        return region != null || bed != null;
    }

    List<String> warnings() {
        return warnings;
    }
}
