package org.genomod.reader.fasta.internal;

import org.genomod.api.data.SequenceEncoder;
import org.osgi.service.component.annotations.Component;

/** Offers the protein one-hot encoding (20 channels) to other bundles, so they encode sequences exactly as this reader does. */
@Component(service = SequenceEncoder.class, property = SequenceEncoder.SERVICE_PROPERTY + "=protein-one-hot")
public final class ProteinOneHotEncoderService extends OneHotEncoder {
    public ProteinOneHotEncoderService() {
        super(Alphabet.PROTEIN);
    }
}
