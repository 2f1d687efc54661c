package org.genomod.api.store;

import java.util.Objects;
import org.genomod.api.model.Model;

/**
 * A verified, loaded model. Closing it closes the model and releases the model family service it
 * was loaded through.
 *
 * @param digest SHA-256 of the model's manifest, which identifies the saved model
 */
public record LoadedModel(ModelCard card, Model model, String digest, Runnable release) implements AutoCloseable {
    public LoadedModel {
        Objects.requireNonNull(card);
        Objects.requireNonNull(model);
        Objects.requireNonNull(digest);
        release = release == null ? () -> { } : release;
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            release.run();
        }
    }
}
