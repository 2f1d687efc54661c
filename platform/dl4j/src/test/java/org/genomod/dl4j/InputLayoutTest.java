package org.genomod.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;

class InputLayoutTest {
    private static final List<Integer> SHAPE = List.of(3, 2); // length 3, channels 2

    /** Two examples; value = 100 * example + 10 * position + channel. */
    private static final float[] EXAMPLES = {
        0, 1, 10, 11, 20, 21,
        100, 101, 110, 111, 120, 121,
    };

    @Test
    void channelsFirstTransposesEachExample() {
        float[] dest = new float[12];
        InputLayout.CHANNELS_FIRST.arrange(EXAMPLES, 2, SHAPE, dest);
        assertArrayEquals(new float[] {0, 10, 20, 1, 11, 21, 100, 110, 120, 101, 111, 121}, dest);
        assertTrue(InputLayout.CHANNELS_FIRST.rearranges());
        assertArrayEquals(new long[] {2, 2, 3}, InputLayout.CHANNELS_FIRST.shape(2, SHAPE));
    }

    @Test
    void channelsLastAndFlatCopyAsStoredIgnoringSpareCapacity() {
        float[] reused = new float[18]; // a buffer sized for a larger batch
        System.arraycopy(EXAMPLES, 0, reused, 0, 12);
        reused[12] = 999;
        for (InputLayout layout : List.of(InputLayout.CHANNELS_LAST, InputLayout.FLAT)) {
            float[] dest = new float[12];
            layout.arrange(reused, 2, SHAPE, dest);
            assertArrayEquals(EXAMPLES, dest);
            assertFalse(layout.rearranges());
        }
        assertArrayEquals(new long[] {2, 3, 2}, InputLayout.CHANNELS_LAST.shape(2, SHAPE));
        assertArrayEquals(new long[] {2, 6}, InputLayout.FLAT.shape(2, SHAPE));
    }

    @Test
    void inputTypesDescribeTheLayout() {
        InputType.InputTypeRecurrent ncw = (InputType.InputTypeRecurrent) InputLayout.CHANNELS_FIRST.inputType(SHAPE);
        assertEquals(2, ncw.getSize());
        assertEquals(3, ncw.getTimeSeriesLength());
        assertEquals(RNNFormat.NCW, ncw.getFormat());
        assertEquals(RNNFormat.NWC, ((InputType.InputTypeRecurrent) InputLayout.CHANNELS_LAST.inputType(SHAPE)).getFormat());
        assertEquals(6, ((InputType.InputTypeFeedForward) InputLayout.FLAT.inputType(SHAPE)).getSize());
    }

    @Test
    void sequenceLayoutsNeedTwoDimensions() {
        List<Integer> flat = List.of(7);
        assertTrue(InputLayout.FLAT.accepts(flat));
        assertFalse(InputLayout.CHANNELS_FIRST.accepts(flat));
        assertThrows(IllegalArgumentException.class, () -> InputLayout.CHANNELS_LAST.shape(1, flat));
    }
}
