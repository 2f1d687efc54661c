package org.genomod.reader.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.genomod.api.data.InspectionReport;
import org.genomod.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genomod inspect} on networks: what is accepted, and the facts reported (values as in RealDataTest). */
class InspectorTest {
    @TempDir
    Path dir;

    @Test
    void acceptsExactlyTheNetworksAmongAllSharedData() throws IOException {
        // Conservative: .tsv/.csv/.txt are also matrices and side tables. Of every file in ../shared/data,
        // only the seven networks are taken.
        List<String> accepted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.folder(""))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Reads.accepts(file)) {
                    accepted.add(SharedData.folder("").relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(
                "dream5-grn-goldstandards/DREAM5_NetworkInference_Edges_Network3.tsv",
                "dream5-grn-goldstandards/DREAM5_NetworkInference_Edges_Network4.tsv",
                "dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_Network3.tsv.gz",
                "dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_Network4.tsv.gz",
                "trrust-v2/trrust_rawdata.human.tsv",
                "trrust-v2/trrust_rawdata.mouse.tsv",
                "yeast-ppi-vonmering2002/yeast_ppi_edges.tsv"), accepted);
    }

    @Test
    void trrustSummary() throws IOException {
        InspectionReport report = Reads.inspect(SharedData.file("trrust-v2/trrust_rawdata.human.tsv"));
        assertEquals("edgelist", report.format());
        assertEquals(9396, report.records());
        Map<String, Object> f = report.facts();
        assertEquals(2862, f.get("nodes"));
        assertEquals(8427, f.get("edges")); // directed as written
        assertEquals(24, f.get("self-loops"));
        assertEquals(969L, f.get("duplicate edges"));
        assertEquals(103L, f.get("reciprocal pairs")); // 8427 directed pairs - 8324 undirected pairs
        assertEquals(26, f.get("components")); // networkx weakly connected components
        assertEquals(2804, f.get("largest component"));
        assertEquals(0L, f.get("isolated nodes"));
        // cut -f3 | sort | uniq -c: 3149 Activation, 1922 Repression, 4325 Unknown; column 4 (PMIDs) is text
        assertEquals("signs +3149 -1922 ?4325", f.get("column 3"));
        assertFalse(f.containsKey("column 4"));
        assertTrue(report.warnings().isEmpty());
    }

    @Test
    void yeastSummaryDetectsTheHeader() throws IOException {
        InspectionReport report = Reads.inspect(SharedData.file("yeast-ppi-vonmering2002/yeast_ppi_edges.tsv"));
        Map<String, Object> f = report.facts();
        assertEquals(11855, report.records());
        assertEquals(List.of("protein1", "protein2", "confidence"), f.get("header"));
        assertEquals(2617, f.get("nodes"));
        assertEquals(11855, f.get("edges"));
        assertEquals(0L, f.get("reciprocal pairs"));
        assertEquals(92, f.get("components")); // networkx
        assertEquals(2375, f.get("largest component"));
    }

    @Test
    void goldStandardZeroRowsAreCountedNotLinked() throws IOException {
        InspectionReport report = Reads.inspect(SharedData.file(
                "dream5-grn-goldstandards/DREAM5_NetworkInference_GoldStandard_Network3.tsv.gz"));
        assertEquals(152280, report.records()); // zcat | wc -l
        assertEquals(1081, report.facts().get("nodes"));
        assertEquals(2066, report.facts().get("edges"));
        assertEquals(150214L, report.facts().get("zero-weight pairs"));
        assertEquals("numbers 0..1", report.facts().get("column 3"));
        assertEquals(11L, report.facts().get("reciprocal pairs")); // networkx
        assertEquals(26, report.facts().get("components"));
    }

    @Test
    void graphMlAndSif() throws IOException {
        Path graphml = Files.writeString(dir.resolve("net.graphml"), BadInputTest.graphMl("undirected",
                "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/><node id=\"lone\"/>"
                        + "<edge source=\"a\" target=\"b\"><data key=\"w\">0.5</data></edge>"
                        + "<edge source=\"b\" target=\"c\"><data key=\"w\">2</data></edge>"
                        + "<edge source=\"c\" target=\"b\"/>"));
        assertTrue(Reads.accepts(graphml));
        InspectionReport report = Reads.inspect(graphml);
        assertEquals("graphml", report.format());
        assertEquals(3, report.records());
        assertEquals(false, report.facts().get("directed"));
        assertEquals(4, report.facts().get("nodes"));
        assertEquals(2, report.facts().get("edges"));
        assertEquals(1L, report.facts().get("duplicate edges")); // c-b repeats b-c when undirected
        assertEquals(2, report.facts().get("components"));
        assertEquals(1L, report.facts().get("isolated nodes"));

        Path sif = Files.writeString(dir.resolve("net.sif"), "a pp b c\nb pd c\nd\n");
        assertTrue(Reads.accepts(sif));
        report = Reads.inspect(sif);
        assertEquals("sif", report.format());
        assertEquals(3, report.records());
        assertEquals(4, report.facts().get("nodes"));
        assertEquals(List.of("pd 1", "pp 2"), report.facts().get("interactions"));
        assertEquals(1L, report.facts().get("isolated nodes"));
    }

    @Test
    void acceptanceByNameAndContent() throws IOException {
        assertTrue(Reads.accepts(Files.writeString(dir.resolve("numeric.edges"), "1\t2\n2\t3\n")));
        // numeric node ids in a .tsv look like a matrix: not claimed (read them with format: edgelist)
        assertFalse(Reads.accepts(Files.writeString(dir.resolve("numeric.tsv"), "1\t2\n2\t3\n3\t1\n")));
        assertFalse(Reads.accepts(Files.writeString(dir.resolve("labels.tsv"), "id\tlabel\ns1\tA\ns2\tB\ns3\tA\n")));
        assertFalse(Reads.accepts(Files.writeString(dir.resolve("matrix.csv"), "gene,s1,s2\nTP53,1.5,2\nMYC,0.1,3\nBRCA1,4,5\n")));
        assertFalse(Reads.accepts(Files.writeString(dir.resolve("peaks.bed"), "chr1\t10\t20\nchr1\t30\t40\n")));
        assertFalse(Reads.accepts(Files.writeString(dir.resolve("other.xml"), "<?xml version=\"1.0\"?><root/>")));
        assertTrue(Reads.accepts(Files.writeString(dir.resolve("ppi.csv"), "\"a\",\"b\"\n\"b\",\"c\"\n\"c\",\"a\"\n")));
        assertFalse(Reads.accepts(Files.write(dir.resolve("binary.sif"), new byte[] {1, 0, 2})));
    }
}
