package org.genomod.reader.fasta.internal;

import org.genomod.api.data.SequenceEncoder;
import org.osgi.service.component.annotations.Component;

/** Offers the RNA one-hot encoding to other bundles, so they encode sequences exactly as this reader does. */
@Component(service = SequenceEncoder.class, property = SequenceEncoder.SERVICE_PROPERTY + "=rna-one-hot")
public final class RnaOneHotEncoderService extends OneHotEncoder {
    public RnaOneHotEncoderService() {
        super(Alphabet.RNA);
    }
}
