package org.genomod.reader.plink.internal;

import java.util.Arrays;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Samples × SNPs allele counts held as one byte per genotype (a quarter of a float matrix), -1 for a
 * missing call; the missing calls become the SNP's fill value (its mean, or 0) on the way out, with
 * the observed channel beside each count when the mask is on.
 */
final class PlinkDataset implements Dataset {
    private final DatasetSchema schema;
    private final byte[] genotypes;
    private final int snps;
    private final float[] fill;
    private final boolean mask;
    private final String[] ids;
    private final String[] groups;
    private final float[] labels;
    private final int phenotypes;
    private final boolean labelled;

    /**
     * @param labels     {@code phenotypes} values per sample; ignored when not labelled
     * @param phenotypes the values per sample in {@code labels}: the label size when labelled
     */
    PlinkDataset(DatasetSchema schema, byte[] genotypes, int snps, float[] fill, boolean mask, String[] ids,
                 String[] groups, float[] labels, int phenotypes, boolean labelled) {
        this.schema = schema;
        this.genotypes = genotypes;
        this.snps = snps;
        this.fill = fill;
        this.mask = mask;
        this.ids = ids;
        this.groups = groups;
        this.labels = labels;
        this.phenotypes = phenotypes;
        this.labelled = labelled;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }

    @Override
    public void features(int index, float[] dest, int offset) {
        if (index < 0 || index >= ids.length) {
            throw new IndexOutOfBoundsException("example " + index + " outside dataset of size " + ids.length);
        }
        int base = index * snps;
        if (mask) {
            for (int j = 0; j < snps; j++) {
                byte g = genotypes[base + j];
                dest[offset + 2 * j] = g >= 0 ? g : fill[j];
                dest[offset + 2 * j + 1] = g >= 0 ? 1f : 0f;
            }
        } else {
            for (int j = 0; j < snps; j++) {
                byte g = genotypes[base + j];
                dest[offset + j] = g >= 0 ? g : fill[j];
            }
        }
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        int k = schema.labelSize();
        if (labelled) {
            System.arraycopy(labels, index * phenotypes, dest, offset, k);
        } else {
            java.util.Arrays.fill(dest, offset, offset + k, 0f);
        }
    }

    /** Not part of the API: the fill value of a SNP column, for tests. */
    float fill(int snp) {
        return fill[snp];
    }

    @Override
    public String toString() {
        return "PlinkDataset[" + ids.length + " samples x " + snps + " SNPs, " + schema.task() + " " + Arrays.toString(
                schema.outputs().toArray()) + "]";
    }
}
