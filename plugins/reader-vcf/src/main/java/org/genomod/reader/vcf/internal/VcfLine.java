package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFHeaderVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A VCF record line split and checked in place, without htsjdk: the hot path of the inspector and the
 * genotype matrix. {@link #check} says whether the line is certain to be read exactly as htsjdk's
 * {@code VCFCodec} reads it (decoded without error, genotypes too, and, when asked, every value of the
 * type its header declares). Anything it is not certain of (a malformed column, an unusual but legal
 * spelling such as {@code NaN}, a breakend, percent-encoding) answers {@code false}, and the caller hands
 * the line to htsjdk, so errors and warnings keep htsjdk's exact wording. One instance is reused for
 * every line of a file: its answers hold until the next {@link #check}.
 */
final class VcfLine implements VariantRecord {
    private static final byte BASES = 0;
    private static final byte SYMBOLIC = 1;
    private static final byte SPAN_DEL = 2;
    private static final long END_KEY = 'E' << 16 | 'N' << 8 | 'D';

    private final FieldTypes fields;
    /** Tab-separated columns the header names: 8, or 9 and one per sample. */
    private final int columns;
    /** VCF 4.3 values may hold %-encoded characters, which htsjdk decodes: such lines are left to it. */
    private final boolean percentEncoded;

    private byte[] b;
    private String contig;
    private byte[] contigBytes = new byte[0];
    private int start;
    private long end;
    private int alleles;
    private int[] alleleFrom = new int[4];
    private int[] alleleTo = new int[4];
    private byte[] shape = new byte[4];
    private boolean filtered;
    private FieldTypes.Field[] undeclared = new FieldTypes.Field[4];
    private int undeclaredCount;
    private boolean typesAgree;
    private boolean typesChecked;
    private boolean keysLookedUp;
    /** FORMAT and the sample columns, with the genotypes read from them. */
    private final SampleColumns sampleColumns;

    VcfLine(VCFHeader header, VCFHeaderVersion version) {
        this.fields = new FieldTypes(header);
        this.columns = header.getColumnCount();
        this.percentEncoded = version.isAtLeastAsRecentAs(VCFHeaderVersion.VCF4_3);
        this.sampleColumns = new SampleColumns(fields, header.getNGenotypeSamples(), percentEncoded,
                !version.isAtLeastAsRecentAs(VCFHeaderVersion.VCF4_1));
    }

    /**
     * Splits and checks the record line {@code line[from, to)}.
     *
     * @param decoded {@link Columns#ALL}: everything, as the inspector reads a line; {@link Columns#GENOTYPES}:
     *                what htsjdk reads in that mode (only GT of each sample when FORMAT begins with GT, INFO
     *                keys not looked up, so {@link #undeclaredInfo} has no answer)
     * @param types   also require every INFO and FORMAT value to have its declared type (when every INFO
     *                key is declared: otherwise the inspector does not type-check the record)
     * @return whether htsjdk would read the line exactly as this class answers for it
     */
    boolean check(byte[] line, int from, int to, Columns decoded, boolean types) {
        if (decoded == Columns.SITES) {
            throw new IllegalArgumentException("sites are read by htsjdk");
        }
        boolean genotypesOnly = decoded == Columns.GENOTYPES;
        if (types && genotypesOnly) {
            throw new IllegalArgumentException("values are type-checked only when every column is read");
        }
        this.keysLookedUp = !genotypesOnly;
        this.b = line;
        this.typesChecked = false;
        int chromEnd = indexOf('\t', from, to);
        if (chromEnd <= from || !contig(from, chromEnd)) {
            return false;
        }
        int posEnd = indexOf('\t', chromEnd + 1, to);
        if (posEnd < 0 || !ValueSyntax.isCount(b, chromEnd + 1, posEnd)) {
            return false;
        }
        start = parseCount(chromEnd + 1, posEnd);
        int idEnd = indexOf('\t', posEnd + 1, to);
        if (idEnd <= posEnd + 1) { // missing or empty ID
            return false;
        }
        int refEnd = indexOf('\t', idEnd + 1, to);
        if (refEnd <= idEnd + 1 || !allBases(idEnd + 1, refEnd)) {
            return false;
        }
        int altEnd = indexOf('\t', refEnd + 1, to);
        if (altEnd < 0 || !alleles(idEnd + 1, refEnd, altEnd)) {
            return false;
        }
        int qualEnd = indexOf('\t', altEnd + 1, to);
        if (qualEnd < 0 || !(ValueSyntax.is(b, altEnd + 1, qualEnd, '.') || ValueSyntax.isUnsignedFloat(b, altEnd + 1, qualEnd))) {
            return false;
        }
        int filterEnd = indexOf('\t', qualEnd + 1, to);
        if (filterEnd < 0 || !filter(qualEnd + 1, filterEnd)) {
            return false;
        }
        typesAgree = true;
        end = start + (refEnd - idEnd - 1) - 1L;
        int infoEnd = info(filterEnd + 1, to, !genotypesOnly, types);
        if (infoEnd < 0 || (columns == 8) != (infoEnd == to)) {
            return false; // or the columns do not match the header: htsjdk explains
        }
        if (columns > 8) {
            if (!sampleColumns.check(b, infoEnd + 1, to, alleles, genotypesOnly, types && typesAgree)) {
                return false;
            }
            typesAgree &= sampleColumns.typesAgree();
        }
        typesChecked = types;
        return !types || undeclaredCount > 0 || typesAgree;
    }

    private boolean contig(int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0x21 || b[i] > 0x7e) {
                return false; // spaces, controls and non-ASCII are left to htsjdk
            }
        }
        if (contig == null || !ByteScan.equals(b, from, to, contigBytes)) {
            contigBytes = Arrays.copyOfRange(b, from, to);
            contig = new String(contigBytes, StandardCharsets.US_ASCII);
        }
        return true;
    }

    /** REF at {@code [refFrom, refTo)} and the ALT column up to {@code altTo}: bases, {@code *} or {@code <symbolic>}, none repeated. */
    private boolean alleles(int refFrom, int refTo, int altTo) {
        alleles = 0;
        add(refFrom, refTo, BASES);
        int altFrom = refTo + 1;
        if (ValueSyntax.is(b, altFrom, altTo, '.')) {
            return true;
        }
        for (int p = altFrom; ; ) {
            int comma = indexOf(',', p, altTo);
            int e = comma < 0 ? altTo : comma;
            byte kind;
            if (e - p == 1 && b[p] == '*') {
                kind = SPAN_DEL;
            } else if (e - p > 2 && b[p] == '<' && b[e - 1] == '>') {
                kind = SYMBOLIC;
            } else if (e > p && allBases(p, e)) {
                kind = BASES;
            } else {
                return false; // empty, a breakend, '.' among others: htsjdk decides
            }
            for (int i = 0; i < alleles; i++) {
                if (sameAllele(i, p, e, kind)) {
                    return false; // htsjdk rejects a repeated allele
                }
            }
            add(p, e, kind);
            if (comma < 0) {
                return true;
            }
            p = comma + 1;
        }
    }

    private void add(int from, int to, byte kind) {
        if (alleles == shape.length) {
            alleleFrom = Arrays.copyOf(alleleFrom, alleles * 2);
            alleleTo = Arrays.copyOf(alleleTo, alleles * 2);
            shape = Arrays.copyOf(shape, alleles * 2);
        }
        alleleFrom[alleles] = from;
        alleleTo[alleles] = to;
        shape[alleles] = kind;
        alleles++;
    }

    /** Allele equality as htsjdk's (reference state ignored): bases in either case, symbolic alleles as written. */
    private boolean sameAllele(int i, int from, int to, byte kind) {
        if (shape[i] != kind || alleleTo[i] - alleleFrom[i] != to - from) {
            return false;
        }
        for (int k = 0; k < to - from; k++) {
            byte x = b[alleleFrom[i] + k];
            byte y = b[from + k];
            if (x != y && (kind != BASES || (x | 0x20) != (y | 0x20))) {
                return false;
            }
        }
        return true;
    }

    private boolean filter(int from, int to) {
        if (ValueSyntax.is(b, from, to, '.') || ValueSyntax.is(b, from, to, "PASS")) {
            filtered = false;
            return true;
        }
        if (from == to || ValueSyntax.is(b, from, to, '0')) {
            return false; // htsjdk's messages
        }
        boolean empty = true;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ';') {
                if (empty) {
                    return false;
                }
                empty = true;
            } else if (c < 0x21 || c > 0x7e) {
                return false; // not a legal filter name
            } else {
                empty = false;
            }
        }
        filtered = true;
        return !empty;
    }

    /**
     * The INFO column from {@code from}: keys (noting undeclared ones), END, and with {@code types} the
     * values against their types. Returns where INFO ends (its tab, or {@code to}), or -1.
     */
    private int info(int from, int to, boolean keys, boolean types) {
        undeclaredCount = 0;
        if (!keys) {
            return infoForGenotypes(from, to);
        }
        if (from < to && b[from] == '.' && (from + 1 == to || b[from + 1] == '\t')) {
            return from + 1;
        }
        for (int p = from; ; ) {
            int keyFrom = p;
            long packed = 0; // the key's last 8 bytes, to look it up by
            int bits = 0;
            byte c = 0;
            for (; p < to; p++) {
                c = b[p];
                if (c == '=' || c == ';' || c == '\t' || c == ' ') {
                    break;
                }
                packed = packed << 8 | c & 0xff;
                bits |= c;
            }
            int keyTo = p;
            int valueFrom = -1;
            int commas = 0;
            if (p < to && c == '=') {
                valueFrom = ++p;
                for (; p < to; p++) {
                    c = b[p];
                    if (c == ';' || c == '\t') {
                        break;
                    } else if (c == ',') {
                        commas++;
                    } else if (c == ' ' || c == '%' && percentEncoded) {
                        return -1;
                    }
                }
            }
            if (p < to && c == ' ' || keyTo == keyFrom || bits < 0) {
                return -1; // whitespace, an empty entry or key, a non-ASCII key: htsjdk's decision
            }
            FieldTypes.Field f = fields.get(b, keyFrom, keyTo, packed);
            if (f.info == null) {
                noteUndeclared(f);
            }
            if (f.end && !end(f, valueFrom, p, commas)) {
                return -1;
            }
            if (valueFrom >= 0 && types && typesAgree && !(commas == 0 && f.infoFlag && ValueSyntax.is(b, valueFrom, p, '0'))) {
                typesAgree = infoValueDecodes(f, valueFrom, p, commas);
            }
            if (p == to || c == '\t') {
                return p;
            }
            p++; // past ';'
        }
    }

    /**
     * INFO as the genotype matrix needs it: htsjdk still parses it, but fails only on whitespace, bad
     * %-encoding and an unreadable END, and END is all that is used. Returns where INFO ends, or -1.
     */
    private int infoForGenotypes(int from, int to) {
        int infoEnd = ByteScan.indexOf(b, from, to, (byte) '\t');
        if (infoEnd < 0) {
            infoEnd = to;
        }
        if (infoEnd == from || ByteScan.indexOf(b, from, infoEnd, (byte) ' ') >= 0
                || percentEncoded && ByteScan.indexOf(b, from, infoEnd, (byte) '%') >= 0) {
            return -1;
        }
        // entries begin INFO or follow a ';', which never occurs inside a value
        for (int e = ByteScan.indexOf(b, from, infoEnd, (byte) 'E'); e >= 0; e = ByteScan.indexOf(b, e + 1, infoEnd, (byte) 'E')) {
            int keyTo = e + 3;
            if ((e == from || b[e - 1] == ';') && keyTo <= infoEnd && b[e + 1] == 'N' && b[e + 2] == 'D'
                    && (keyTo == infoEnd || b[keyTo] == '=' || b[keyTo] == ';')) {
                int entryEnd = ByteScan.indexOf(b, keyTo, infoEnd, (byte) ';');
                int valueFrom = keyTo < infoEnd && b[keyTo] == '=' ? keyTo + 1 : -1;
                if (!end(fields.get(b, e, keyTo, END_KEY), valueFrom, entryEnd < 0 ? infoEnd : entryEnd, 0)) {
                    return -1;
                }
            }
        }
        return infoEnd;
    }

    /** {@code END=n}: the record's last position, as htsjdk takes it. */
    private boolean end(FieldTypes.Field f, int valueFrom, int valueTo, int commas) {
        if (valueFrom < 0 || commas > 0 || f.infoFlag || !ValueSyntax.isCount(b, valueFrom, valueTo)
                || f.decodeType != null && f.decodeType != VCFHeaderLineType.Integer) {
            return false;
        }
        end = parseCount(valueFrom, valueTo);
        return true;
    }

    private boolean infoValueDecodes(FieldTypes.Field f, int from, int to, int commas) {
        if (f.decodeType == null) {
            return false;
        }
        if (f.genotypeKey == FieldTypes.GenotypeKey.FT) {
            return true; // never decoded
        }
        // an empty value is read as '.'; PL alone is kept as text until used
        return commas == 0 && (from == to || f.genotypeKey == FieldTypes.GenotypeKey.PL) || ValueSyntax.decodes(f.decodeType, b, from, to);
    }

    private void noteUndeclared(FieldTypes.Field f) {
        if (undeclaredCount == undeclared.length) {
            undeclared = Arrays.copyOf(undeclared, undeclaredCount * 2);
        }
        undeclared[undeclaredCount++] = f;
    }

    private int indexOf(char c, int from, int to) {
        return ByteScan.indexOf(b, from, to, (byte) c);
    }

    private boolean allBases(int from, int to) {
        for (int i = from; i < to; i++) {
            switch (b[i]) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n':
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private int parseCount(int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    @Override
    public String contig() {
        return contig;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public boolean filtered() {
        return filtered;
    }

    @Override
    public int alleles() {
        return alleles;
    }

    @Override
    public AlleleKind kind(int allele) {
        if (shape[allele] != BASES) {
            return AlleleKind.SYMBOLIC;
        }
        return AlleleKind.ofBases(b, alleleFrom[0], alleleTo[0], b, alleleFrom[allele], alleleTo[allele]);
    }

    @Override
    public boolean spanningDeletion(int allele) {
        return shape[allele] == SPAN_DEL;
    }

    @Override
    public String display(int allele) {
        int from = alleleFrom[allele];
        int length = alleleTo[allele] - from;
        if (shape[allele] != BASES) {
            return new String(b, from, length, StandardCharsets.US_ASCII);
        }
        if (length == 1) {
            return switch (b[from]) {
                case 'A', 'a' -> "A";
                case 'C', 'c' -> "C";
                case 'G', 'g' -> "G";
                case 'T', 't' -> "T";
                default -> "N";
            };
        }
        byte[] upper = new byte[length];
        for (int i = 0; i < length; i++) {
            byte base = b[from + i];
            upper[i] = base >= 'a' ? (byte) (base - 32) : base;
        }
        return new String(upper, StandardCharsets.US_ASCII);
    }

    @Override
    public int refLength() {
        return alleleTo[0] - alleleFrom[0];
    }

    @Override
    public byte refBase(int i) {
        byte base = b[alleleFrom[0] + i];
        return base >= 'a' ? (byte) (base - 32) : base;
    }

    @Override
    public void decodeGenotypes(VariantStream stream) {
        // checked with the line
    }

    @Override
    public int ploidy(int sample) {
        return sampleColumns.ploidy(sample);
    }

    @Override
    public int genotypeAllele(int sample, int k) {
        return sampleColumns.allele(sample, k);
    }

    /** As htsjdk's {@code Genotype.getGenotypeString()}: base strings joined by '|' when phased, '/' otherwise; NA without GT. */
    @Override
    public String genotypeString(int sample) {
        int ploidy = ploidy(sample);
        if (ploidy == 0) {
            return "NA";
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < ploidy; k++) {
            if (k > 0) {
                s.append(sampleColumns.phased(sample) ? '|' : '/');
            }
            int allele = genotypeAllele(sample, k);
            if (allele < 0) {
                s.append('.');
            } else if (shape[allele] != SYMBOLIC) { // a symbolic allele has no bases
                s.append(display(allele));
            }
        }
        return s.toString();
    }

    @Override
    public boolean undeclaredInfo(VCFHeader header, Set<String> sink) {
        if (!keysLookedUp) {
            throw new IllegalStateException("INFO keys are not looked up when only genotypes are read");
        }
        for (int i = 0; i < undeclaredCount; i++) {
            sink.add(undeclared[i].name);
        }
        return undeclaredCount == 0;
    }

    /** Nothing to do when {@link #check} was asked for types: a line whose values disagree was not vouched for. */
    @Override
    public void checkTypes(VCFHeader header) {
        if (!typesChecked) {
            throw new IllegalStateException("the line was checked without types");
        }
    }
}
