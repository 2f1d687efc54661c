package org.genomod.reader.alignments.internal;

import htsjdk.samtools.CigarOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Renders the pileup around a candidate as DeepVariant does (pileup_image_native / pileup_channel_lib):
 * {@link PileupGeometry#referenceRows()} reference rows, then one row per read covering the candidate,
 * sorted by alignment start, in six channels of DeepVariant's 0-254 levels (later divided by 254):
 * <ol start="0">
 *   <li>read base: A 250, G 180, T 100, C 30, other 0; the anchor of an insertion, deletion or soft clip 0</li>
 *   <li>base quality: 254 × min(q, 40) / 40</li>
 *   <li>mapping quality: 254 × min(mq, 60) / 60</li>
 *   <li>strand: forward 70, reverse 240</li>
 *   <li>read supports the candidate's alternative allele: 254, otherwise 152</li>
 *   <li>base differs from the reference: 254, matches 50</li>
 * </ol>
 * Columns a read does not reach, deleted bases and unused rows are 0 in every channel. Reference rows
 * carry the reference base, quality and mapping quality 254, strand 70, support 152 and match 50. A read
 * whose base at the candidate has a quality below the minimum is left out, as in DeepVariant; when more
 * reads cover the candidate than there are rows, the reads with the smallest sampling key are kept
 * (a hash of the read name: deterministic, unbiased by position, the same reads at neighbouring sites).
 */
final class PileupImage {
    private static final int STAR = '*';
    private static final int[] BASE_LEVEL = new int[256];
    private static final int FORWARD = 70;
    private static final int REVERSE = 240;
    private static final int SUPPORTS = 254;
    private static final int DOES_NOT_SUPPORT = 152;
    private static final int DIFFERS = 254;
    private static final int MATCHES = 50;
    private static final int MAX_LEVEL = 254;
    private static final Comparator<AlignedRead> SAMPLING_ORDER =
            Comparator.comparingLong((AlignedRead r) -> r.samplingKey).thenComparing(AlignedRead::byAlignment);

    static {
        BASE_LEVEL['A'] = 250;
        BASE_LEVEL['G'] = 180;
        BASE_LEVEL['T'] = 100;
        BASE_LEVEL['C'] = 30;
        BASE_LEVEL['a'] = 250;
        BASE_LEVEL['g'] = 180;
        BASE_LEVEL['t'] = 100;
        BASE_LEVEL['c'] = 30;
    }

    private final PileupGeometry geometry;
    private final int minBaseQuality;
    private final List<AlignedRead> covering = new ArrayList<>();
    private final byte[][] rows;
    private final AlignedRead[] rowReads;
    private final Integer[] order;
    private final Comparator<Integer> byAlignment;

    PileupImage(PileupGeometry geometry, int minBaseQuality) {
        this.geometry = geometry;
        this.minBaseQuality = minBaseQuality;
        rows = new byte[geometry.maxReads()][geometry.rowSize()];
        rowReads = new AlignedRead[geometry.maxReads()];
        order = new Integer[geometry.maxReads()];
        byAlignment = (a, b) -> AlignedRead.byAlignment(rowReads[a], rowReads[b]);
    }

    /** DeepVariant's ScaleColor: 254 × min(value, cap) / cap, truncated. */
    static int scale(int value, int cap) {
        return (int) (MAX_LEVEL * ((float) Math.min(value, cap) / cap));
    }

    /**
     * The candidate's pileup: {@code referenceRows + reads} rows of {@link PileupGeometry#rowSize()} levels
     * (rows beyond them are all zero and not stored).
     */
    byte[] render(Candidate candidate, Pileup pileup, Reference reference) {
        long site = candidate.position();
        long left = site - geometry.width() / 2;
        reference.prefetch(left, left + geometry.width() - 1);

        covering.clear();
        for (Iterator<AlignedRead> it = pileup.reads(); it.hasNext(); ) {
            AlignedRead read = it.next();
            if (read.start <= site && read.end >= site) {
                covering.add(read);
            }
        }
        if (covering.size() > geometry.maxReads()) {
            covering.sort(SAMPLING_ORDER);
        }
        int kept = 0;
        for (int i = 0; i < covering.size() && kept < geometry.maxReads(); i++) {
            AlignedRead read = covering.get(i);
            if (renderRead(read, supports(read, candidate), site, left, reference, rows[kept])) {
                rowReads[kept] = read;
                order[kept] = kept;
                kept++;
            }
        }
        Arrays.sort(order, 0, kept, byAlignment);

        int rowSize = geometry.rowSize();
        byte[] image = new byte[(geometry.referenceRows() + kept) * rowSize];
        for (int r = 0; r < geometry.referenceRows(); r++) {
            renderReference(left, reference, image, r * rowSize);
        }
        for (int r = 0; r < kept; r++) {
            System.arraycopy(rows[order[r]], 0, image, (geometry.referenceRows() + r) * rowSize, rowSize);
            rowReads[order[r]] = null;
        }
        return image;
    }

    private static boolean supports(AlignedRead read, Candidate candidate) {
        if (candidate.indel() != null) {
            return read.showsIndel(candidate.position(), candidate.indel());
        }
        return Bases.code(read.baseAt(candidate.position())) == Bases.code((byte) candidate.alt().charAt(0));
    }

    private void renderReference(long left, Reference reference, byte[] image, int offset) {
        for (int col = 0; col < geometry.width(); col++) {
            int o = offset + col * PileupGeometry.CHANNELS;
            image[o] = (byte) BASE_LEVEL[reference.base(left + col)];
            image[o + 1] = (byte) MAX_LEVEL;
            image[o + 2] = (byte) MAX_LEVEL;
            image[o + 3] = (byte) FORWARD;
            image[o + 4] = (byte) DOES_NOT_SUPPORT;
            image[o + 5] = (byte) MATCHES;
        }
    }

    /** Paints one read row; false when the read's base at the candidate is of too low a quality. */
    private boolean renderRead(AlignedRead read, boolean supports, long site, long left, Reference reference, byte[] row) {
        Arrays.fill(row, (byte) 0);
        int mq = scale(read.mappingQuality, 60);
        int strand = read.reverse ? REVERSE : FORWARD;
        int support = supports ? SUPPORTS : DOES_NOT_SUPPORT;
        long ref = read.start;
        int pos = 0;
        for (int i = 0; i < read.operators.length; i++) {
            CigarOperator op = read.operators[i];
            int len = read.lengths[i];
            switch (op) {
                case M, EQ, X -> {
                    for (int k = 0; k < len; k++) {
                        if (!paint(row, ref + k, read.bases[pos + k], read.qualities[pos + k], site, left, reference, mq, strand, support)) {
                            return false;
                        }
                    }
                    ref += len;
                    pos += len;
                }
                case I, S -> { // marked on the reference base before them
                    if (ref > 1 && !paint(row, ref - 1, STAR, read.qualities[pos], site, left, reference, mq, strand, support)) {
                        return false;
                    }
                    pos += len;
                }
                case D, N -> { // marked on the base before them; the deleted bases stay empty
                    if (pos > 0 && !paint(row, ref - 1, STAR, read.qualities[pos - 1], site, left, reference, mq, strand, support)) {
                        return false;
                    }
                    ref += len;
                }
                default -> { // H, P
                }
            }
        }
        return true;
    }

    private boolean paint(byte[] row, long position, int base, int quality, long site, long left, Reference reference,
                          int mq, int strand, int support) {
        long col = position - left;
        if (col < 0 || col >= geometry.width()) {
            return true;
        }
        if (position == site && quality < minBaseQuality) {
            return false;
        }
        int o = (int) col * PileupGeometry.CHANNELS;
        boolean differs = base == STAR || Bases.code((byte) base) != Bases.code(reference.base(position));
        row[o] = (byte) BASE_LEVEL[base & 0xff];
        row[o + 1] = (byte) scale(quality, 40);
        row[o + 2] = (byte) mq;
        row[o + 3] = (byte) strand;
        row[o + 4] = (byte) support;
        row[o + 5] = (byte) (differs ? DIFFERS : MATCHES);
        return true;
    }
}
