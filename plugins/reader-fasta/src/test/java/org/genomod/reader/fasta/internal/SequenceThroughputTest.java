package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark main runnable; its speed is measured by running it, not here (CI machines vary). */
class SequenceThroughputTest {

    @Test
    void printsOneJsonLinePerMeasurement() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SequenceThroughput.run(1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("onehot-encode", "kmer6-encode", "fasta-read-onehot", "fasta-read-kmer6", "fasta-inspect"),
                lines.stream().map(l -> l.replaceAll(".*\"bench\":\"([^\"]+)\".*", "$1")).toList());
        for (String line : lines) {
            assertTrue(line.matches("\\{\"bench\":\"[a-z0-9-]+\",\"threads\":1,\"megabases\":1\\.0,\"cpu_seconds\":[0-9.]+,\"wall_seconds\":[0-9.]+,"
                    + "\"mbp_per_s_per_core\":[0-9.]+}"), line);
        }
    }
}
