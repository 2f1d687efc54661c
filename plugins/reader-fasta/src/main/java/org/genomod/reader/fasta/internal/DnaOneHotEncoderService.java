package org.genomod.reader.fasta.internal;

import org.genomod.api.data.SequenceEncoder;
import org.osgi.service.component.annotations.Component;

/** Offers the DNA one-hot encoding to other bundles, so they encode sequences exactly as this reader does. */
@Component(service = SequenceEncoder.class, property = SequenceEncoder.SERVICE_PROPERTY + "=dna-one-hot")
public final class DnaOneHotEncoderService extends OneHotEncoder {
    public DnaOneHotEncoderService() {
        super(Alphabet.DNA);
    }
}
