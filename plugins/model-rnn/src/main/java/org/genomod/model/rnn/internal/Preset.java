package org.genomod.model.rnn.internal;

import java.util.List;
import java.util.Locale;

/** Named architectures whose settings the hyper-parameters default to; explicit keys override them. */
enum Preset {
    /**
     * Small and fast: 64 motif filters of width 9, max-pooled by 12 so that the bidirectional LSTM (32 per
     * direction) steps through a twelfth of the positions (in Deeplearning4j a recurrent layer costs per
     * step and batch far more than per example), then global max pooling over its positions. Padding is
     * masked exactly.
     */
    CUSTOM(new RnnArchitecture(RnnArchitecture.LSTM, List.of(32), true, RnnArchitecture.MAX,
            64, 9, RnnArchitecture.SAME, 12, 0.1, 0.2, List.of(), 0)),
    /**
     * DanQ (Quang and Xie 2016): 320 filters of width 26, ReLU, max pool 13, dropout 0.2, a bidirectional
     * LSTM of 320 per direction, dropout 0.5, flatten, dense 925, output.
     */
    DANQ(new RnnArchitecture(RnnArchitecture.LSTM, List.of(320), true, RnnArchitecture.FLATTEN,
            320, 26, RnnArchitecture.VALID, 13, 0.2, 0.5, List.of(925), 0)),
    /**
     * DanQ at about a tenth of the cost for two CPU cores: 128 filters, a bidirectional LSTM of 64, max
     * pool 7 instead of 13 (more positions for the LSTM on short sequences), dense 128; same order and
     * dropout rates.
     */
    DANQ_SMALL(new RnnArchitecture(RnnArchitecture.LSTM, List.of(64), true, RnnArchitecture.FLATTEN,
            128, 26, RnnArchitecture.VALID, 7, 0.2, 0.5, List.of(128), 0));

    private final RnnArchitecture architecture;

    Preset(RnnArchitecture architecture) {
        this.architecture = architecture;
    }

    RnnArchitecture architecture() {
        return architecture;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
