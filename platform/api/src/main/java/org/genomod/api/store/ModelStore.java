package org.genomod.api.store;

import java.io.IOException;
import java.nio.file.Path;
import org.genomod.api.model.Model;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Platform service: saves and loads model directories. A saved directory holds the network files,
 * {@value #CARD} and {@value #MANIFEST} (SHA-256 of every other file); saving writes a temporary
 * sibling and renames it into place, so a reader sees the old model or the new one, never a mix.
 */
@ProviderType
public interface ModelStore {
    String CARD = "model.json";
    String MANIFEST = "MANIFEST.sha256";

    /** Saves atomically, replacing any model already at {@code directory}; returns the manifest digest. */
    String save(Model model, ModelCard card, Path directory) throws IOException;

    /** Reads the card after verifying the manifest. */
    ModelCard readCard(Path directory) throws IOException;

    /**
     * Verifies the manifest, finds the family in the registry and loads the network.
     *
     * @throws IOException naming the file whose checksum does not match, or the missing family
     */
    LoadedModel load(Path directory) throws IOException;
}
