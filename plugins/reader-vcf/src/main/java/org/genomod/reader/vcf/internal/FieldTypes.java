package org.genomod.reader.vcf.internal;

import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the header says about each INFO and FORMAT key, looked up by the key's bytes in a line, so that
 * checking a record costs no string per field. Entries are made on first sight of a key, declared or not.
 */
final class FieldTypes {
    /** How htsjdk's genotype parser treats a FORMAT key: these have their own parsing, the rest are kept as text. */
    enum GenotypeKey { GT, FT, GQ, AD, PL, GL, DP, OTHER }

    /** Keys beyond this many are looked up but not remembered, so a file of ever new keys cannot fill memory. */
    private static final int MAX_REMEMBERED = 1 << 14;

    private final VCFHeader header;
    private Field[] table = new Field[256];
    private int size;

    FieldTypes(VCFHeader header) {
        this.header = header;
    }

    /** One key as the header declares it. */
    static final class Field {
        final String name;
        /** Its INFO declaration, {@code null} when the header has none. */
        final VCFInfoHeaderLine info;
        final boolean infoFlag;
        /**
         * The type htsjdk's {@code VariantContext.fullyDecode} checks a value against: the FORMAT declaration
         * of the name if there is one, else its INFO declaration ({@code VariantContextUtils.getMetaDataForField});
         * {@code null} when neither exists, which that decoding rejects.
         */
        final VCFHeaderLineType decodeType;
        final GenotypeKey genotypeKey;
        final boolean end;
        private final byte[] bytes;
        private final long packed;

        private Field(byte[] bytes, long packed, VCFHeader header) {
            this.bytes = bytes;
            this.packed = packed;
            this.name = new String(bytes, StandardCharsets.US_ASCII);
            this.info = header.getInfoHeaderLine(name);
            this.infoFlag = info != null && info.getType() == VCFHeaderLineType.Flag;
            VCFCompoundHeaderLine typed = header.getFormatHeaderLine(name);
            this.decodeType = typed != null ? typed.getType() : info != null ? info.getType() : null;
            this.genotypeKey = switch (name) {
                case "GT" -> GenotypeKey.GT;
                case "FT" -> GenotypeKey.FT;
                case "GQ" -> GenotypeKey.GQ;
                case "AD" -> GenotypeKey.AD;
                case "PL" -> GenotypeKey.PL;
                case "GL" -> GenotypeKey.GL;
                case "DP" -> GenotypeKey.DP;
                default -> GenotypeKey.OTHER;
            };
            this.end = name.equals("END");
        }
    }

    /** The key at {@code line[from, to)}, or {@code null} when it is empty or not plain ASCII (left to htsjdk). */
    Field get(byte[] line, int from, int to) {
        long packed = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            packed = packed << 8 | line[i] & 0xff;
            bits |= line[i];
        }
        return from == to || bits < 0 ? null : get(line, from, to, packed);
    }

    /**
     * The key at {@code line[from, to)}, not empty and plain ASCII, with its last (up to 8) bytes packed as
     * the caller read them, {@code packed = packed << 8 | byte}: for the usual short keys that is the key
     * itself, so most lookups compare no bytes.
     */
    Field get(byte[] line, int from, int to, long packed) {
        int length = to - from;
        int mask = table.length - 1;
        for (int i = slot(packed, length) & mask; ; i = (i + 1) & mask) {
            Field f = table[i];
            if (f == null) {
                Field made = new Field(Arrays.copyOfRange(line, from, to), packed, header);
                if (size < MAX_REMEMBERED) {
                    table[i] = made;
                    if (++size * 2 > table.length) {
                        grow();
                    }
                }
                return made;
            }
            if (f.packed == packed && f.bytes.length == length && (length <= 8 || ByteScan.equals(line, from, to, f.bytes))) {
                return f;
            }
        }
    }

    private void grow() {
        Field[] old = table;
        table = new Field[old.length * 2];
        int mask = table.length - 1;
        for (Field f : old) {
            if (f != null) {
                int i = slot(f.packed, f.bytes.length) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = f;
            }
        }
    }

    private static int slot(long packed, int length) {
        long h = (packed + length) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) ^ (int) h;
    }
}
