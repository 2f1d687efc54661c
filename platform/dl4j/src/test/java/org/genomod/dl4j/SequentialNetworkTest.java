package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SequentialNetworkTest {

    /** Row-major values whatever the layout: plain, a view at an offset, column-major, permuted, another type. */
    @Test
    void toFloatsReadsEveryLayoutInRowMajorOrder() {
        INDArray plain = Nd4j.linspace(DataType.FLOAT, 1, 24, 1).reshape('c', 4, 6);
        INDArray rowsAtAnOffset = plain.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        INDArray columnMajor = plain.dup('f');
        INDArray permuted = plain.reshape('c', 2, 3, 4).permute(2, 0, 1);
        INDArray column = plain.get(NDArrayIndex.all(), NDArrayIndex.point(2)).reshape(4, 1);
        INDArray doubles = plain.castTo(DataType.DOUBLE);
        for (INDArray array : new INDArray[] {plain, rowsAtAnOffset, columnMajor, permuted, column, doubles}) {
            float[] expected = new float[(int) array.length()];
            INDArray rowMajor = array.dup('c').reshape('c', new long[] {array.length()});
            for (int i = 0; i < expected.length; i++) {
                expected[i] = rowMajor.getFloat(i);
            }
            assertArrayEquals(expected, SequentialNetwork.toFloats(array), array.shapeInfoToString());
        }
    }
}
