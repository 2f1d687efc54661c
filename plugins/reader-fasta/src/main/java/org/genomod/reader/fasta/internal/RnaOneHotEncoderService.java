package org.genomod.reader.fasta.internal;

import org.genomod.api.data.SequenceEncoder;
import org.osgi.service.component.annotations.Component;

/** Offers the RNA one-hot encoding to other bundles, so they encode sequences exactly as this reader does. */
@Component(service = SequenceEncoder.class, property = SequenceEncoder.SERVICE_PROPERTY + "=rna-one-hot")
public final class RnaOneHotEncoderService implements SequenceEncoder {
    private final OneHotEncoder encoder = new OneHotEncoder(Alphabet.RNA);

    @Override
    public int channels() {
        return encoder.channels();
    }

    @Override
    public void encode(CharSequence sequence, float[] dest, int offset) {
        encoder.encode(sequence, dest, offset);
    }
}
