package org.genomod.reader.support;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Altschul and Erickson's dinucleotide shuffle (Mol Biol Evol 1985) as DeepBind used it for negative
 * examples, by the Eulerian-walk construction of Kandel et al. (Discrete Appl Math 1996): the sequence
 * is a walk through the multigraph whose edges are its dinucleotides; a uniformly random arborescence
 * of "last exits" towards the final letter (Wilson's algorithm) plus a random order of the remaining
 * exits gives a uniformly random sequence with exactly the same dinucleotide counts, first and last
 * letter. Negatives made this way keep the composition of their positives, so a model must learn the
 * motif rather than GC content or CpG depletion. Seeded: the same {@link SplittableRandom} state gives the
 * same shuffle.
 */
@org.osgi.annotation.versioning.ProviderType
public final class DinucleotideShuffle {
    private DinucleotideShuffle() {
    }

    /**
     * Writes a shuffle of {@code source} to {@code dest} (same length; may not be the same array). Letters
     * are bytes compared exactly, so case and ambiguity codes are letters of their own; a sequence of two
     * letters or fewer is copied unchanged.
     */
    public static void shuffle(byte[] source, byte[] dest, SplittableRandom random) {
        int n = source.length;
        if (dest.length != n || dest == source) {
            throw new IllegalArgumentException("dest must be a distinct array of the source's length " + n);
        }
        if (n <= 2) {
            System.arraycopy(source, 0, dest, 0, n);
            return;
        }
        // Vertices are the distinct letters, numbered in order of appearance.
        int[] vertexOf = new int[256];
        Arrays.fill(vertexOf, -1);
        byte[] letter = new byte[256];
        int vertices = 0;
        for (byte b : source) {
            if (vertexOf[b & 0xff] < 0) {
                letter[vertices] = b;
                vertexOf[b & 0xff] = vertices++;
            }
        }
        // Out-edges of each vertex as a contiguous slice of targets (compressed adjacency).
        int[] degree = new int[vertices];
        for (int i = 0; i < n - 1; i++) {
            degree[vertexOf[source[i] & 0xff]]++;
        }
        int[] first = new int[vertices + 1];
        for (int v = 0; v < vertices; v++) {
            first[v + 1] = first[v] + degree[v];
        }
        int[] targets = new int[n - 1];
        int[] fill = Arrays.copyOf(first, vertices);
        for (int i = 0; i < n - 1; i++) {
            targets[fill[vertexOf[source[i] & 0xff]]++] = vertexOf[source[i + 1] & 0xff];
        }

        int last = vertexOf[source[n - 1] & 0xff];
        int[] exit = chooseLastExits(first, targets, vertices, last, random);
        for (int v = 0; v < vertices; v++) {
            int from = first[v];
            int to = first[v + 1];
            if (v != last) {
                swap(targets, exit[v], to - 1); // the last exit stays last, the others are shuffled
                to--;
            }
            for (int i = to - 1; i > from; i--) {
                swap(targets, i, from + random.nextInt(i - from + 1));
            }
        }

        int[] used = new int[vertices];
        int v = vertexOf[source[0] & 0xff];
        dest[0] = source[0];
        for (int i = 1; i < n; i++) {
            v = targets[first[v] + used[v]++];
            dest[i] = letter[v];
        }
    }

    /**
     * Wilson's algorithm: loop-erased random walks give a uniform random arborescence towards
     * {@code last}; returns, per vertex, the edge position by which it is left for the last time.
     */
    private static int[] chooseLastExits(int[] first, int[] targets, int vertices, int last, SplittableRandom random) {
        boolean[] inTree = new boolean[vertices];
        int[] next = new int[vertices];
        inTree[last] = true;
        for (int start = 0; start < vertices; start++) {
            for (int v = start; !inTree[v]; v = targets[next[v]]) {
                next[v] = first[v] + random.nextInt(first[v + 1] - first[v]);
            }
            for (int v = start; !inTree[v]; v = targets[next[v]]) {
                inTree[v] = true;
            }
        }
        return next;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
