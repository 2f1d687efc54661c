package org.genomod.reader.fasta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void nameIsTheFirstWordAndLabelTheLast() {
        assertEquals(new Header("seq17", "motif"), Header.parse("seq17 some description motif", "class"));
        assertEquals(new Header("seq17", null), Header.parse("seq17", "class"));
        assertEquals(new Header("a", "b"), Header.parse("  a\tb  ", "class"));
        assertNull(Header.parse("   ", "class"));
    }

    @Test
    void keyedLabelWinsOverTheLastWord() {
        // iONMF: "> chr1,+,69315,69415; class:0"
        assertEquals(new Header("chr1,+,69315,69415", "0"), Header.parse(" chr1,+,69315,69415; class:0", "class"));
        assertEquals(new Header("r1", "bound"), Header.parse("r1 class=bound; depth=10", "class"));
        assertEquals(new Header("r1", "x"), Header.parse("r1 tf:x rest", "tf"));
        // an empty value is no label
        assertEquals(new Header("r1", null), Header.parse("r1 class: other", "class"));
        // without the key the last word is the label, as it is
        assertEquals(new Header("r1", "class:0"), Header.parse("r1 class:0", ""));
        assertEquals(new Header("r1", "classy"), Header.parse("r1 classy", "class"));
    }
}
