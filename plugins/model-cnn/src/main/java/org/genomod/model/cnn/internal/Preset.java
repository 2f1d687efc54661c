package org.genomod.model.cnn.internal;

import java.util.List;
import java.util.Locale;

/** Named architectures whose settings the hyper-parameters default to; explicit keys override them. */
enum Preset {
    /**
     * Small and fast, for short sequences: a motif layer at full resolution, then a layer combining
     * neighbouring motifs, max-pooled by 4, so that the dense layer still sees roughly where things are
     * (splice sites) without having to learn every position separately (planted motifs).
     */
    CUSTOM(new CnnArchitecture(List.of(32, 32), List.of(9, 5), List.of(0, 4), "same", List.of(32),
            0.2, 0, false, "relu")),
    /** DeepBind (Alipanahi et al. 2015) as the benchmark runs it: 16 filters of width 24, global max pool, dense 32. */
    DEEPBIND(new CnnArchitecture(List.of(16), List.of(24), List.of(-1), "valid", List.of(32),
            0, 0, false, "relu")),
    /**
     * DeepSEA (Zhou &amp; Troyanskaya 2015): three valid convolutions of width 8 (320, 480, 960 filters), max-pooled by
     * 4 after the first two, a dense layer of 925, sigmoid heads (919 chromatin features in the paper). The paper's
     * dropout between convolutions (0.2, 0.2) is not offered here; dropout 0.5 is on the dense layer.
     */
    DEEPSEA(new CnnArchitecture(List.of(320, 480, 960), List.of(8, 8, 8), List.of(4, 4, 0), "valid", List.of(925),
            0.5, 5e-7, false, "relu")),
    /** Basset (Kelley et al. 2016): three convolution blocks with batch norm and max pooling, two dense layers of 1000. */
    BASSET(new CnnArchitecture(List.of(300, 200, 200), List.of(19, 11, 7), List.of(3, 4, 4), "same", List.of(1000, 1000),
            0.3, 0, true, "relu"));

    private final CnnArchitecture architecture;

    Preset(CnnArchitecture architecture) {
        this.architecture = architecture;
    }

    CnnArchitecture architecture() {
        return architecture;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
