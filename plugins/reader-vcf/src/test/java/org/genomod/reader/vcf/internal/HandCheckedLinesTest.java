package org.genomod.reader.vcf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record lines at the edges of what {@link VcfLine} checks by hand, each in a file of its own: the
 * inspector's report or error and every record as the readers see it must be what htsjdk decoding
 * every record gives. Each line also states which path reads it, first as the inspector reads it,
 * then as the genotype matrix does: {@code F} checked by hand, {@code H} left to htsjdk (an error, a
 * value that disagrees with its type, or a legal spelling the hand-written check does not vouch for).
 * Columns are separated by spaces here; {@code ~} stands for a space inside a column, {@code EMPTY}
 * for an empty column.
 */
class HandCheckedLinesTest {
    private static final String HEADER = """
            ##fileformat=VCFv4.2
            ##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">
            ##INFO=<ID=AF,Number=A,Type=Float,Description="Frequency">
            ##INFO=<ID=DB,Number=0,Type=Flag,Description="Flag">
            ##INFO=<ID=CL,Number=1,Type=String,Description="Text">
            ##INFO=<ID=CH,Number=1,Type=Character,Description="Character">
            ##INFO=<ID=END,Number=1,Type=Integer,Description="End">
            ##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="Lengths">
            ##INFO=<ID=PL,Number=G,Type=Integer,Description="PL in INFO">
            ##INFO=<ID=FT,Number=1,Type=Integer,Description="FT in INFO, never decoded">
            ##INFO=<ID=XD,Number=1,Type=Integer,Description="Also a FORMAT String, which decoding prefers">
            ##FILTER=<ID=q10,Description="Low quality">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allele depths">
            ##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">
            ##FORMAT=<ID=GL,Number=G,Type=Float,Description="Log likelihoods">
            ##FORMAT=<ID=FT,Number=1,Type=String,Description="Genotype filter">
            ##FORMAT=<ID=DS,Number=1,Type=Float,Description="Dosage">
            ##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">
            ##FORMAT=<ID=XD,Number=1,Type=String,Description="Text">
            ##contig=<ID=chrT,length=60>
            """;
    private static final String SAMPLES = "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT S1 S2";

    /** Expected paths (inspector, genotype matrix) and a record of samples S1, S2 under {@link #HEADER}. */
    private static final String LINES = """
            FF | chrT 5 . A C 50 PASS DP=3 GT:GQ 0/1:30 1/1:20
            FF | chrT 5 rs1;rs2 acg aTg 50 q10 DB;AF=0.5 GT 0/1 1|1
            FF | chrT 5 . A C,*,<DEL> 50.5 q10;s50 . GT 0/3 2|1
            FF | chrT 5 . A . . . . GT 0/0 ./.
            FF | chrT 5 . A <*> 0 . END=9 GT:GQ 0/0:50 0/0:40
            FF | chrT 5 . NNN C,AC,NNNT,NT,TNNN,CN 1e3 PASS . GT 1/2 3/4
            FF | chrU 0 . n a 1. PASS XX=1;YY GT 0|1 1/1
            FF | chrT 007 . A C .5 a,b . GT 0/1 1/1
            FF | chrT 5 . A C 50 PASS;q10 . GT 0/1 1/1
            HH | chrT 5 . A C,. 50 PASS . GT 0/1 1/1
            HH | chrT 5 . A A[chrT:10[ 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A .A 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A C,c 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A a 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A <DEL>,<DEL> 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A <> 50 PASS . GT 0/1 0/0
            HH | chrT 5 . AXC C 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A IGA 50 PASS . GT 0/1 0/0
            HH | chrT 5 . A <*> 0 . END=x GT 0/0 0/0
            HH | chrT 5 . A <*> 0 . END=5,6 GT 0/0 0/0
            HH | chrT 5 . A <*> 0 . END=+9 GT 0/0 0/0
            HH | chrT 5 . A <*> 0 . END GT 0/0 0/0
            HH | chrT 5 . A <*> 0 . END=7;END=x GT 0/0 0/0
            HH | chrT 5 . A C NaN PASS . GT 0/1 0/1
            HH | chrT 5 . A C -1 PASS . GT 0/1 0/1
            HH | chrT 5 . A C -3 PASS . GT 0/1 0/1
            HH | chrT 5 . A C 5f PASS . GT 0/1 0/1
            HH | chrT 5 . A C 0x10 PASS . GT 0/1 0/1
            HH | chrT 5 . A C EMPTY PASS . GT 0/1 0/1
            HH | chrT +5 . A C 50 PASS . GT 0/1 0/1
            HH | chrT -5 . A C 50 PASS . GT 0/1 0/1
            HH | chrT 1234567890 . A C 50 PASS . GT 0/1 0/1
            HH | chrT 2147483648 . A C 50 PASS . GT 0/1 0/1
            HH | chrT 12a . A C 50 PASS . GT 0/1 0/1
            HH | chrT 5 EMPTY A C 50 PASS . GT 0/1 0/1
            HH | chrT 5 . A C 50 q10; . GT 0/1 0/1
            HH | chrT 5 . A C 50 ;q10 . GT 0/1 0/1
            HH | chrT 5 . A C 50 q10;;s50 . GT 0/1 0/1
            HH | chrT 5 . A C 50 0 . GT 0/1 0/1
            HH | chrT 5 . A C 50 EMPTY . GT 0/1 0/1
            HH | chrT 5 . A C 50 q~10 . GT 0/1 0/1
            HH | chrT 5 . A C 50 PASS EMPTY GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=3; GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS ;DP=3 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=3;;AF=0.5 GT 0/1 0/1
            HH | chrT 5 . A C 50 PASS CL=a~b GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS =5 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS Dé=1 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DB GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DB=0 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DB=1 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DB=TRUE GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DB=yes GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DB=0,1 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DP GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DP= GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DP=. GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS DP=+3 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=x GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=1.5 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=1234567890 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=3=4 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=3;DP=x GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS DP=x;DP=3 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS AF=0.1,0.2 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS AF=1e-5;SVLEN=-5,3,.;CL=x,y;CH=abc GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS AF=-.5;XD=text;PL=x;FT=x GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS AF=0.1, GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS AF=,0.1 GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS AF=nan GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS AF=1d GT 0/1 0/1
            HF | chrT 5 . A C 50 PASS PL=1,2,x GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS END=7 GT 0/1 0/1
            FF | chrT 5 . A C 50 PASS . GT:GQ 0/1:30 1/1
            HF | chrT 5 . A C 50 PASS . GT:GQ 0/1:30:5 1/1:20
            HH | chrT 5 . A C 50 PASS . GQ:GT 30:0/1 20:1/1
            HH | chrT 5 . A C 50 PASS . GT 0/5 1/1
            HH | chrT 5 . A C 50 PASS . GT 0/-1 1/1
            HH | chrT 5 . A C 50 PASS . GT 0//1 1/1
            HH | chrT 5 . A C 50 PASS . GT / 1/1
            HH | chrT 5 . A C 50 PASS . GT 0/1 EMPTY
            HH | chrT 5 . A C 50 PASS . GT 0/ 1/1
            HH | chrT 5 . A C 50 PASS . GT 0/1.5 1/1
            FF | chrT 5 . A C 50 PASS . GT . ./.
            FF | chrT 5 . A C,G 50 PASS . GT 0 0|1/2
            FF | chrT 5 . A C 50 PASS . GT 00/01 1/1/1
            FF | chrT 5 . A C 50 PASS . GT:GQ 0/1:. 1/1:-1
            FF | chrT 5 . A C 50 PASS . GQ 3.7 2
            FF | chrT 5 . A C 50 PASS . . . .
            HF | chrT 5 . A C 50 PASS . GT:GQ 0/1:abc 1/1:3
            HF | chrT 5 . A C 50 PASS . GT:GQ 0/1:EMPTY 1/1:3
            HF | chrT 5 . A C 50 PASS . GT:DP 0/1:x 1/1:3
            FF | chrT 5 . A C 50 PASS . GT:DP 0/1:+3 1/1:3
            FF | chrT 5 . A C 50 PASS . GT:AD:PL 0/1:x,y:0,10,100 1/1:3,4:x
            FF | chrT 5 . A C 50 PASS . GT:GL 0/1:-0.1,-1,-10 1/1:.,.,.
            HF | chrT 5 . A C 50 PASS . GT:GL 0/1:-1,.,-2 1/1:.
            HF | chrT 5 . A C 50 PASS . GT:GL 0/1:a,b 1/1:.
            HF | chrT 5 . A C 50 PASS . GT:GL 0/1:-1,-2, 1/1:.
            HF | chrT 5 . A C 50 PASS . GT:PL:GL 0/1:0,1,2:x,y 1/1:0,1,2:x
            FF | chrT 5 . A C 50 PASS . GT:FT 0/1:PASS 1/1:q10;s50
            FF | chrT 5 . A C 50 PASS . GT:FT 0/1:. 1/1:PASS
            HF | chrT 5 . A C 50 PASS . GT:FT 0/1:0 1/1:PASS
            HF | chrT 5 . A C 50 PASS . GT:FT 0/1:EMPTY 1/1:PASS
            HF | chrT 5 . A C 50 PASS . GT:DS 0/1:0.5 1/1:x
            HF | chrT 5 . A C 50 PASS . GT:PS 0|1:PATMAT 1|0:5
            HF | chrT 5 . A C 50 PASS . GT:YY 0/1:3 1/1:4
            FF | chrT 5 . A C 50 PASS XX=1 GT:YY 0/1:3 1/1:4
            FF | chrT 5 . A C 50 PASS . GT:XD:DS 0/1:abc:1,2 1/1:d:.
            HF | chrT 5 . A C 50 PASS . GT:DS 0/1:1,,2 1/1:3
            HF | chrT 5 . A C 50 PASS . GT:DS 0/1:1, 1/1:3
            HH | chrT 5 . A C 50 PASS . GT 0/1 1/1 0/0
            HH | chrT 5 . A C 50 PASS . GT 0/1
            HH | chrT 5 . A C 50 PASS .
            HH | chrT 5 . A C 50 PASS . GT 0/1~1/1
            HH | chrTé 5 . A C 50 PASS . GT 0/1 1/1
            HH | chr~T 5 . A C 50 PASS . GT 0/1 1/1
            HH | ~chrT 5 . A C 50 PASS . GT 0/1 1/1
            """;

    @TempDir
    Path dir;
    private int files;

    private Path vcf(String header, String samplesLine, List<String> records) throws IOException {
        StringBuilder s = new StringBuilder(header).append(samplesLine.replace(' ', '\t')).append('\n');
        for (String r : records) {
            s.append(r).append('\n');
        }
        return Files.writeString(dir.resolve("case" + files++ + ".vcf"), s.toString(), StandardCharsets.UTF_8);
    }

    private static String line(String columns) {
        return columns.replace(' ', '\t').replace('~', ' ').replace("EMPTY", "");
    }

    /** Asserts both paths agree on {@code file} and returns the paths taken: "F" or "H" for inspector, genotype matrix. */
    private static String assertSameAndPaths(Path file, String what) {
        assertEquals(BothPaths.inspectWithHtsjdk(file, null), BothPaths.inspect(file, null), what);
        StringBuilder paths = new StringBuilder();
        for (Columns mode : List.of(Columns.ALL, Columns.GENOTYPES)) {
            BothPaths.Records records = BothPaths.records(file, mode);
            assertEquals(BothPaths.recordsWithHtsjdk(file, mode), records.lines, what + " " + mode);
            paths.append(records.checkedByHand > 0 ? 'F' : 'H');
        }
        return paths.toString();
    }

    @Test
    void eachLineIsReadAsHtsjdkReadsIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String entry : LINES.strip().split("\n")) {
            String expected = entry.substring(0, 2);
            String columns = entry.substring(5);
            Path file = vcf(HEADER, SAMPLES, List.of(line(columns)));
            String paths = assertSameAndPaths(file, columns);
            if (!paths.equals(expected)) {
                wrong.add(paths + " | " + columns);
            }
        }
        assertEquals(List.of(), wrong, "lines read by another path than stated (actual | line)");
    }

    @Test
    void aFileOfAllTheLinesIsReadAsHtsjdkReadsIt() throws IOException {
        // one file: the first value that disagrees with its type is reported, later records are not type-checked
        List<String> readable = new ArrayList<>();
        for (String entry : LINES.strip().split("\n")) {
            String columns = entry.substring(5);
            if (BothPaths.inspectWithHtsjdk(vcf(HEADER, SAMPLES, List.of(line(columns))), null).startsWith("OK")) {
                readable.add(line(columns));
            }
        }
        assertTrue(readable.size() > 60, readable.size() + " readable lines");
        assertSameAndPaths(vcf(HEADER, SAMPLES, readable), "all readable lines");
        List<String> reversed = new ArrayList<>(readable);
        java.util.Collections.reverse(reversed);
        assertSameAndPaths(vcf(HEADER, SAMPLES, reversed), "all readable lines, reversed");
    }

    @Test
    void versionsSampleOrderAndSitesOnlyFiles() throws IOException {
        String v43 = HEADER.replace("VCFv4.2", "VCFv4.3");
        assertEquals("FF", assertSameAndPaths(vcf(v43, SAMPLES, List.of(line("chrT 5 . A C 50 PASS CL=a GT:XD 0/1:b 1/1:c"))), "4.3"));
        // VCF 4.3 values may be %-encoded: htsjdk decodes them
        assertEquals("HH", assertSameAndPaths(vcf(v43, SAMPLES, List.of(line("chrT 5 . A C 50 PASS CL=a%3Db GT 0/1 1/1"))), "4.3 %"));
        assertEquals("HH", assertSameAndPaths(vcf(v43, SAMPLES, List.of(line("chrT 5 . A C 50 PASS . GT:XD 0/1:a%2Cb 1/1:c"))),
                "4.3 % in a sample"));
        assertEquals("HH", assertSameAndPaths(vcf(v43, SAMPLES, List.of(line("chrT 5 . A C 50 PASS . GT:XD 0/1:a%ZZ 1/1:c"))),
                "4.3 bad %"));
        // before VCF 4.1 every sample needs GT
        String v40 = HEADER.replace("VCFv4.2", "VCFv4.0");
        assertEquals("FF", assertSameAndPaths(vcf(v40, SAMPLES, List.of(line("chrT 5 . A C 50 PASS . GT 0/1 1/1"))), "4.0"));
        assertEquals("HH", assertSameAndPaths(vcf(v40, SAMPLES, List.of(line("chrT 5 . A C 50 PASS . GQ 30 20"))), "4.0 without GT"));
        // samples not in sorted order: htsjdk decodes genotypes with the record, so their errors read differently
        String unsorted = "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT S2 S1";
        assertEquals("FF", assertSameAndPaths(vcf(HEADER, unsorted, List.of(line("chrT 5 . A C 50 PASS . GT:GQ 0/1:3 1/1:2"))), "S2 S1"));
        assertEquals("HH", assertSameAndPaths(vcf(HEADER, unsorted, List.of(line("chrT 5 . A C 50 PASS . GT 0/5 1/1"))), "S2 S1 bad GT"));
        assertEquals("HF", assertSameAndPaths(vcf(HEADER, unsorted, List.of(line("chrT 5 . A C 50 PASS . GT:GQ 0/1:x 1/1:2"))),
                "S2 S1 bad GQ"));
        // no samples
        String sites = "#CHROM POS ID REF ALT QUAL FILTER INFO";
        assertEquals("FF", assertSameAndPaths(vcf(HEADER, sites, List.of(line("chrT 5 . A C 50 PASS DP=3"))), "sites"));
        assertEquals("HH", assertSameAndPaths(vcf(HEADER, sites, List.of(line("chrT 5 . A C 50 PASS DP=3 GT"))), "sites + FORMAT"));
        assertEquals("HH", assertSameAndPaths(vcf(HEADER, sites, List.of(line("chrT 5 . A C 50 PASS DP=3 GT 0/1"))), "sites + sample"));
    }

    @Test
    void lineEndingsAndEmptyLines() throws IOException {
        String body = HEADER + SAMPLES.replace(' ', '\t') + "\n" + line("chrT 5 . A C 50 PASS DP=3 GT 0/1 1/1") + "\n\n"
                + line("chrT 9 . A C 50 PASS DP=x GT 0/1 1/1") + "\n" + line("chrT 7 . A C 50 PASS DP=3 GT 0/1 1/1");
        for (String ending : List.of("\n", "\r\n", "\r")) {
            Path file = Files.writeString(dir.resolve("endings" + files++ + ".vcf"), body.replace("\n", ending));
            assertEquals("FF", assertSameAndPaths(file, "line ending " + ending.replace("\r", "CR").replace("\n", "LF")));
            assertTrue(BothPaths.inspect(file, null).contains("first at line 27"), BothPaths.inspect(file, null));
        }
    }
}
