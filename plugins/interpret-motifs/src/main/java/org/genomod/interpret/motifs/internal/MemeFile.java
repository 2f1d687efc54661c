package org.genomod.interpret.motifs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.genomod.api.io.AtomicOutput;

/**
 * Writes motifs in MEME minimal motif format, version 4 (https://meme-suite.org/meme/doc/meme-format.html),
 * which the MEME suite (Tomtom, FIMO, SEA) reads: the version line, the alphabet, both strands (a filter
 * scans one strand, but its motif may be searched on both), the background letter frequencies, then one
 * {@code MOTIF} with its letter-probability matrix per filter that has sites. The file is written atomically.
 */
final class MemeFile {
    private MemeFile() {
    }

    static void write(Path target, String alphabet, double[] background, List<FilterMotif> motifs) throws IOException {
        byte[] content = text(alphabet, background, motifs).getBytes(StandardCharsets.US_ASCII);
        AtomicOutput.write(target, out -> out.write(content));
    }

    static String text(String alphabet, double[] background, List<FilterMotif> motifs) {
        StringBuilder s = new StringBuilder();
        s.append("MEME version 4\n\n");
        s.append("ALPHABET= ").append(alphabet).append("\n\n");
        s.append("strands: + -\n\n");
        s.append("Background letter frequencies\n");
        for (int b = 0; b < 4; b++) {
            s.append(b == 0 ? "" : " ").append(alphabet.charAt(b)).append(' ').append(number(background[b]));
        }
        s.append("\n");
        for (FilterMotif m : motifs) {
            s.append("\nMOTIF ").append(name(m)).append('\n');
            s.append("letter-probability matrix: alength= 4 w= ").append(m.width()).append(" nsites= ").append(m.sites())
                    .append(" E= 0\n");
            for (int j = 0; j < m.width(); j++) {
                for (int b = 0; b < 4; b++) {
                    s.append(' ').append(number(m.probability(j, b)));
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    static String name(FilterMotif motif) {
        return "filter_" + motif.filter();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
