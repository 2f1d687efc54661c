package org.genomod.reader.vcf.internal;

import java.util.Arrays;

/**
 * FORMAT and the sample columns of a VCF line checked by hand for {@link VcfLine}: whether htsjdk's
 * genotype parser reads them without error, and the genotypes it reads. Reused from line to line: the
 * genotypes hold until the next {@link #check}.
 */
final class SampleColumns {
    private final FieldTypes fields;
    private final int samples;
    /** VCF 4.3 values may hold %-encoded characters, which htsjdk decodes: such lines are left to it. */
    private final boolean percentEncoded;
    /** Before VCF 4.1 htsjdk requires GT in every FORMAT. */
    private final boolean genotypeRequired;

    private byte[] b;
    private int alleles;
    private boolean typesAgree;
    /** The FORMAT column last seen and its keys, reused while it repeats (it nearly always does). */
    private byte[] formatBytes = new byte[0];
    private FieldTypes.Field[] formatKeys = new FieldTypes.Field[0];
    /** Genotype alleles of sample s at {@code gt[gtStart[s] .. gtStart[s + 1])}. */
    private final int[] gtStart;
    private int[] gt;
    private int gtNext;
    private final boolean[] phased;

    SampleColumns(FieldTypes fields, int samples, boolean percentEncoded, boolean genotypeRequired) {
        this.fields = fields;
        this.samples = samples;
        this.percentEncoded = percentEncoded;
        this.genotypeRequired = genotypeRequired;
        this.gtStart = new int[samples + 1];
        this.gt = new int[Math.max(16, samples * 2)];
        this.phased = new boolean[samples];
    }

    /**
     * Checks FORMAT and the sample columns at {@code line[from, to)}: one column per sample, each as htsjdk's
     * genotype parser reads it.
     *
     * @param alleles       REF and ALT alleles of the record, which GT numbers must stay below
     * @param genotypesOnly read as {@link Columns#GENOTYPES}: when FORMAT begins with GT htsjdk is given each
     *                      sample's GT alone ({@code VcfTextStream.genotypesOnly}), so nothing else is checked
     * @param types         also check the values htsjdk keeps as text against their header types
     * @return whether htsjdk reads the columns without error and as {@link #ploidy}, {@link #allele} say
     */
    boolean check(byte[] line, int from, int to, int alleles, boolean genotypesOnly, boolean types) {
        this.b = line;
        this.alleles = alleles;
        this.typesAgree = true;
        int formatEnd = indexOf('\t', from, to);
        if (formatEnd < 0 || !format(from, formatEnd)) {
            return false;
        }
        FieldTypes.Field[] keys = formatKeys;
        boolean gtOnly = genotypesOnly && keys.length > 1 && keys[0].genotypeKey == FieldTypes.GenotypeKey.GT;
        gtNext = 0;
        int p = formatEnd + 1;
        for (int s = 0; s < samples; s++) {
            gtStart[s] = gtNext;
            phased[s] = false;
            p = gtOnly ? genotypeOnly(s, p, to) : sample(s, keys, p, to, types);
            if (p < 0) {
                return false;
            }
            if (s + 1 < samples) {
                if (p == to) {
                    return false; // too few columns
                }
                p++;
            } else if (p != to) {
                return false; // too many columns
            }
        }
        gtStart[samples] = gtNext;
        return true;
    }

    /** Whether the values last checked with {@code types} all have their declared types (true when not asked). */
    boolean typesAgree() {
        return typesAgree;
    }

    /** Alleles in the GT of {@code sample}, 0 without GT. */
    int ploidy(int sample) {
        return gtStart[sample + 1] - gtStart[sample];
    }

    /** The allele number of the {@code k}-th allele in the GT of {@code sample}, -1 for '.'. */
    int allele(int sample, int k) {
        return gt[gtStart[sample] + k];
    }

    /** Whether the GT of {@code sample} joins alleles with '|'. */
    boolean phased(int sample) {
        return phased[sample];
    }

    /** Where the value from {@code from} ends: at ':', the column's tab or {@code to}; -1 for a %-encoded value. */
    private int valueEnd(int from, int to) {
        int e = ByteScan.indexOfEither(b, from, to, (byte) ':', (byte) '\t');
        if (e < 0) {
            e = to;
        }
        return percentEncoded && ByteScan.indexOf(b, from, e, (byte) '%') >= 0 ? -1 : e;
    }

    /** A sample column of which htsjdk sees GT alone; returns where the column ends, or -1. */
    private int genotypeOnly(int s, int from, int to) {
        int e = valueEnd(from, to);
        if (e < 0 || !genotype(s, from, e)) {
            return -1;
        }
        int columnEnd = ByteScan.indexOf(b, e, to, (byte) '\t');
        if (columnEnd < 0) {
            columnEnd = to;
        }
        return percentEncoded && ByteScan.indexOf(b, e, columnEnd, (byte) '%') >= 0 ? -1 : columnEnd;
    }

    /** Parses FORMAT unless it repeats the last one; {@code false} for what htsjdk rejects or treats oddly. */
    private boolean format(int from, int to) {
        if (ByteScan.equals(b, from, to, formatBytes)) {
            return formatKeys.length > 0;
        }
        formatBytes = Arrays.copyOfRange(b, from, to);
        formatKeys = new FieldTypes.Field[0];
        int n = 1;
        for (int i = from; i < to; i++) {
            n += b[i] == ':' ? 1 : 0;
        }
        FieldTypes.Field[] keys = new FieldTypes.Field[n];
        int k = 0;
        for (int p = from; ; ) {
            int colon = indexOf(':', p, to);
            int e = colon < 0 ? to : colon;
            FieldTypes.Field f = fields.get(b, p, e);
            if (f == null || f.genotypeKey == FieldTypes.GenotypeKey.GT && k > 0) {
                return false; // an empty or non-ASCII key, or GT not first (htsjdk's message)
            }
            keys[k++] = f;
            if (colon < 0) {
                break;
            }
            p = colon + 1;
        }
        if (genotypeRequired && keys[0].genotypeKey != FieldTypes.GenotypeKey.GT) {
            return false;
        }
        formatKeys = keys;
        return true;
    }

    /** A sample column with every FORMAT field as htsjdk's genotype parser reads it; returns where the column ends, or -1. */
    private int sample(int s, FieldTypes.Field[] keys, int from, int to, boolean types) {
        for (int k = 0, p = from; ; k++) {
            if (k == keys.length) {
                return -1; // more values than keys
            }
            int e = valueEnd(p, to);
            if (e < 0) {
                return -1;
            }
            FieldTypes.Field key = keys[k];
            boolean missing = ValueSyntax.is(b, p, e, '.');
            boolean ok = switch (key.genotypeKey) {
                case GT -> genotype(s, p, e);
                case FT -> p < e && !ValueSyntax.is(b, p, e, '0');
                case GQ -> missing || ValueSyntax.is(b, p, e, "-1") || ValueSyntax.isFloat(b, p, e);
                case DP -> missing || ValueSyntax.isInteger(b, p, e);
                case GL -> missing || likelihoods(p, e);
                case AD, PL -> true; // unparsable values are dropped by htsjdk, never an error
                case OTHER -> {
                    if (types && typesAgree && !missing) {
                        typesAgree = key.decodeType != null && ValueSyntax.decodes(key.decodeType, b, p, e);
                    }
                    yield true;
                }
            };
            if (!ok) {
                return -1;
            }
            if (e == to || b[e] == '\t') {
                return e;
            }
            p = e + 1;
        }
    }

    /** GL: all values '.', or all numbers (htsjdk turns them into PLs). */
    private boolean likelihoods(int from, int to) {
        boolean anyMissing = false;
        boolean anyNumber = false;
        for (int p = from; ; ) {
            int e;
            if (p < to && b[p] == '.' && (p + 1 == to || b[p + 1] == ',')) {
                anyMissing = true;
                e = p + 1;
            } else {
                anyNumber = true;
                e = ValueSyntax.floatEnd(b, p, to);
            }
            if (e < 0 || e < to && b[e] != ',') {
                return false;
            }
            if (e == to) {
                return !(anyMissing && anyNumber);
            }
            p = e + 1;
        }
    }

    /**
     * GT at {@code [from, to)}: allele numbers or '.', joined by '/' or '|', each below the number of
     * alleles, stored from {@code gt[gtNext]}.
     */
    private boolean genotype(int s, int from, int to) {
        if (from == to) {
            return false;
        }
        int next = gtNext;
        for (int p = from; ; ) {
            if (next == gt.length) {
                gt = Arrays.copyOf(gt, gt.length * 2);
            }
            if (b[p] == '.') {
                gt[next++] = -1;
                p++;
            } else {
                int allele = 0;
                int q = p;
                while (q < to && b[q] >= '0' && b[q] <= '9' && q - p < 9) {
                    allele = allele * 10 + (b[q++] - '0');
                }
                if (q == p || allele >= alleles) {
                    return false; // htsjdk: not an allele number, or not defined in REF/ALT
                }
                gt[next++] = allele;
                p = q;
            }
            if (p == to) {
                gtNext = next;
                return true;
            }
            if (b[p] == '|') {
                phased[s] = true;
            } else if (b[p] != '/') {
                return false;
            }
            if (++p == to) {
                return false;
            }
        }
    }

    private int indexOf(char c, int from, int to) {
        return ByteScan.indexOf(b, from, to, (byte) c);
    }
}
