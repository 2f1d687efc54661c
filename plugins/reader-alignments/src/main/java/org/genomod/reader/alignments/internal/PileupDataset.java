package org.genomod.reader.alignments.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;

/**
 * Pileup examples held as DeepVariant's 0-254 levels, one byte per value and only the rows that carry
 * reads (a 30x pileup fills about a third of 100 rows), expanded to floats in [0, 1] (level / 254) when
 * copied out, in the image layout or transposed to the position-major one. Labels are genotype classes,
 * one-hot over {@code [hom_ref, het, hom_alt]}.
 */
final class PileupDataset implements Dataset {
    private static final float[] LEVELS = new float[256];

    static {
        for (int i = 0; i < LEVELS.length; i++) {
            LEVELS[i] = i / 254f;
        }
    }

    private final DatasetSchema schema;
    private final PileupGeometry geometry;
    private final boolean labelled;
    private final byte[][] images;
    private final byte[] classes;
    private final String[] ids;
    private final String[] groups;

    private PileupDataset(DatasetSchema schema, PileupGeometry geometry, boolean labelled, byte[][] images, byte[] classes,
                          String[] ids, String[] groups) {
        this.schema = schema;
        this.geometry = geometry;
        this.labelled = labelled;
        this.images = images;
        this.classes = classes;
        this.ids = ids;
        this.groups = groups;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return ids.length; }
    @Override public String id(int index) { return ids[index]; }
    @Override public String group(int index) { return groups[index]; }
    @Override public boolean labelled() { return labelled; }

    @Override
    public void features(int index, float[] dest, int offset) {
        byte[] image = images[index];
        if (!geometry.positionMajor()) {
            for (int i = 0; i < image.length; i++) {
                dest[offset + i] = LEVELS[image[i] & 0xff];
            }
            Arrays.fill(dest, offset + image.length, offset + schema.featureSize(), 0f);
            return;
        }
        Arrays.fill(dest, offset, offset + schema.featureSize(), 0f);
        int channels = PileupGeometry.CHANNELS;
        int rowSize = geometry.rowSize();
        int positionSize = geometry.rows() * channels;
        for (int row = 0; row < image.length / rowSize; row++) {
            for (int col = 0; col < geometry.width(); col++) {
                int from = row * rowSize + col * channels;
                int to = offset + col * positionSize + row * channels;
                for (int c = 0; c < channels; c++) {
                    dest[to + c] = LEVELS[image[from + c] & 0xff];
                }
            }
        }
    }

    @Override
    public void labels(int index, float[] dest, int offset) {
        Arrays.fill(dest, offset, offset + schema.labelSize(), 0f);
        if (labelled) {
            dest[offset + classes[index]] = 1f;
        }
    }

    static Builder builder(DatasetSchema schema, PileupGeometry geometry, boolean labelled) {
        return new Builder(schema, geometry, labelled);
    }

    /** Collects examples in the order they are found. */
    static final class Builder {
        private final DatasetSchema schema;
        private final PileupGeometry geometry;
        private final boolean labelled;
        private final List<byte[]> images = new ArrayList<>();
        private byte[] classes = new byte[64];
        private final List<String> ids = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();

        private Builder(DatasetSchema schema, PileupGeometry geometry, boolean labelled) {
            this.schema = schema;
            this.geometry = geometry;
            this.labelled = labelled;
        }

        /** @param genotypeClass 0, 1 or 2; ignored when unlabelled */
        void add(String id, String group, byte[] image, int genotypeClass) {
            int n = images.size();
            if (n == classes.length) {
                classes = Arrays.copyOf(classes, n * 2);
            }
            classes[n] = (byte) Math.max(genotypeClass, 0);
            images.add(image);
            ids.add(id);
            groups.add(group);
        }

        int size() {
            return images.size();
        }

        int featureSize() {
            return schema.featureSize();
        }

        PileupDataset build() {
            return new PileupDataset(schema, geometry, labelled, images.toArray(byte[][]::new), Arrays.copyOf(classes, images.size()),
                    ids.toArray(String[]::new), groups.toArray(String[]::new));
        }
    }
}
