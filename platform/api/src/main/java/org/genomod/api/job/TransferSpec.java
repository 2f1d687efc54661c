package org.genomod.api.job;

import java.nio.file.Path;
import java.util.Objects;
import org.genomod.api.model.Transfer;

/**
 * A spec's {@code model.from}: train by fine-tuning a saved model of the same family.
 *
 * @param parent   the saved model directory
 * @param transfer which layers stay frozen, and whether the head is replaced
 */
public record TransferSpec(Path parent, Transfer transfer) {
    public TransferSpec {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(transfer, "transfer");
    }
}
