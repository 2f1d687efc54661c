package org.genomod.model.cnn.internal;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The floats of row-major arrays for the family's Java layers, which stream through them in chunks of
 * {@value #CHUNK}: bulk copies between the arrays' native memory and a reused Java array, with the arithmetic in
 * between on the Java array, where the JIT can compile it to vector instructions. A chunk stays in the core's
 * cache, so a pass over an array costs little more than reading (and writing) its memory, once. A pass over a large
 * array is {@link #split} into tasks of whole rows for the threads ND4J's ops may use ({@link Parts}).
 */
final class FloatRows {
    /** Floats per chunk: 32 KiB, a first-level cache's worth. */
    static final int CHUNK = 8192;
    /** Floats per task at least when a pass is split over threads: 1 MiB, a tenth of a millisecond's work or more. */
    static final int TASK_FLOATS = 1 << 18;

    /** A pass over rows {@code first .. end − 1}: task {@code task} of {@link #tasks}, on the thread of {@code slot}. */
    @FunctionalInterface
    interface RowPass {
        void rows(int slot, int task, int first, int end);
    }

    /** One scratch object per thread slot of a {@link #split} pass, made on first use and kept. */
    static final class Slots<S> {
        private final Supplier<S> make;
        private Object[] held = new Object[0];

        Slots(Supplier<S> make) {
            this.make = make;
        }

        @SuppressWarnings("unchecked")
        synchronized S get(int slot) {
            if (slot >= held.length) {
                held = Arrays.copyOf(held, slot + 1);
            }
            if (held[slot] == null) {
                held[slot] = make.get();
            }
            return (S) held[slot];
        }
    }

    private FloatRows() {
    }

    /** Whether {@code array} holds floats, few enough to index with an {@code int}. */
    static boolean streamable(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.length() <= Integer.MAX_VALUE - CHUNK;
    }

    /**
     * Whether {@code array} is laid out row-major without gaps: each axis longer than 1 steps over the elements of
     * the axes after it; an axis of length 1 may have any stride. (ND4J's {@code Shape.hasDefaultStridesForShape}
     * rejects even a new row-major array whose shape has such an axis, such as a {@code [batch, channels, length, 1]}
     * image.)
     */
    static boolean plain(INDArray array) {
        long[] shape = array.shape();
        long[] stride = array.stride();
        long step = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] != 1 && stride[axis] != step) {
                return false;
            }
            step *= shape[axis];
        }
        return true;
    }

    /** {@code array} when it is row-major without gaps, else a row-major copy (in the current workspace). */
    static INDArray rowMajor(INDArray array) {
        return plain(array) ? array : array.dup('c');
    }

    /** The memory of a row-major {@code array}; its first element is at {@link INDArray#offset()}. */
    static FloatBuffer floats(INDArray array) {
        return array.data().asNioFloat();
    }

    /** {@code array}'s values (a parameter vector) in row-major order, in {@code reuse} when it has the length. */
    static float[] read(INDArray array, float[] reuse) {
        int length = (int) array.length();
        float[] into = reuse != null && reuse.length == length ? reuse : new float[length];
        if (array.dataType() == DataType.FLOAT && columnMajor(array)) {
            // a dense layer's weights [in, out] ('f'): transposed here rather than copied by an op
            float[] stored = new float[length];
            floats(array).get((int) array.offset(), stored, 0, length);
            transpose(stored, (int) array.size(1), (int) array.size(0), into);
            return into;
        }
        INDArray values = rowMajor(array.castTo(DataType.FLOAT));
        floats(values).get((int) values.offset(), into, 0, length);
        return into;
    }

    /** Copies {@code values} into {@code array} (a parameter or gradient view) in row-major order. */
    static void write(float[] values, INDArray array) {
        if (array.dataType() == DataType.FLOAT && plain(array)) {
            floats(array).put((int) array.offset(), values);
        } else if (array.dataType() == DataType.FLOAT && columnMajor(array)) {
            float[] stored = new float[values.length];
            transpose(values, (int) array.size(0), (int) array.size(1), stored);
            floats(array).put((int) array.offset(), stored);
        } else {
            array.assign(Nd4j.createFromArray(values).reshape('c', array.shape()));
        }
    }

    /** Whether {@code array} is a matrix laid out column-major without gaps. */
    private static boolean columnMajor(INDArray array) {
        return array.rank() == 2 && array.stride(0) == 1 && array.stride(1) == array.size(0);
    }

    /** {@code matrix} ({@code rows × columns}, row-major) transposed into {@code into}. */
    private static void transpose(float[] matrix, int rows, int columns, float[] into) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                into[c * rows + r] = matrix[r * columns + c];
            }
        }
    }

    /**
     * How many tasks a pass over {@code rows} rows of {@code rowLength} floats splits into: set by the shape alone,
     * so that sums made per task and added in task order come out the same on any number of threads.
     */
    static int tasks(int rows, int rowLength) {
        return (int) Math.max(1, Math.min(rows, (long) rows * rowLength / TASK_FLOATS));
    }

    /**
     * Runs {@code pass} over rows {@code 0 .. rows − 1} in {@link #tasks} tasks of contiguous rows, taken by the threads
     * ND4J's ops may use ({@link Parts#take}).
     */
    static void split(int rows, int rowLength, RowPass pass) {
        int tasks = tasks(rows, rowLength);
        Parts.take(tasks, Parts.of(tasks), (slot, task) -> pass.rows(slot, task, Parts.start(rows, tasks, task),
                Parts.start(rows, tasks, task + 1)));
    }

    /** {@code reuse} when it holds at least {@code length} floats, else a new array of that length. */
    static float[] scratch(float[] reuse, int length) {
        return reuse != null && reuse.length >= length ? reuse : new float[length];
    }
}
