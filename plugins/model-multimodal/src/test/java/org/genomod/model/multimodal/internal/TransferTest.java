package org.genomod.model.multimodal.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.TaskType;
import org.genomod.api.model.Batch;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.api.param.Parameters;
import org.genomod.api.train.EarlyStopping;
import org.genomod.api.train.TrainingOptions;
import org.genomod.dl4j.Dl4jGraphModel;
import org.genomod.testing.PluginTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning a saved multi-modal graph for another task: frozen layers keep the parent's weights (by depth from
 * the inputs), new heads start from the seed, and the fine-tuned model saves and reloads like any other.
 */
class TransferTest {
    private static final TrainingOptions ADAM = new TrainingOptions(2, 32, "adam", 5e-3, 0, false, EarlyStopping.none());
    /** The parent weighs its tasks: the child, with one of them, inherits these hyper-parameters. */
    private static final Map<String, Object> RAW = Map.of("branch_hidden", List.of(8), "shared_hidden", List.of(8),
            "head_hidden", List.of(4), "conv_filters", 8, "conv_kernel", 4, "input_l1", 0, "input_init_scale", 1, "l2", 1e-4,
            "dropout", 0.1, "task_weights", Map.of("risk", 2, "motif", 0.5));
    /** The new data: whether the sequence holds the motif, a binary task of the same inputs. */
    private static final DatasetSchema MOTIF = new DatasetSchema(List.of(Joined.SIZE), "joined", TaskType.BINARY, List.of("motif"),
            Joined.SCHEMA.attributes());
    private static final Set<String> BODY = Set.of("covariates_dense_1", "sequence_conv", "sequence_dense_1", "shared_1");

    private final MultimodalModelFamily family = new MultimodalModelFamily();

    @TempDir
    Path dir;
    private Parameters parameters;
    private Path parentDir;

    @BeforeEach
    void trainParent() throws IOException {
        parameters = PluginTests.valid(family.hyperParameters(), RAW, dir);
        parentDir = Files.createDirectories(dir.resolve("parent"));
        try (Model parent = family.create(new ModelRequest(Joined.SCHEMA, parameters, ADAM, null, 3))) {
            Joined.fit(parent, Joined.examples(200, 1), 2, 25, 1);
            parent.save(parentDir);
        }
    }

    private Dl4jGraphModel parent() throws IOException {
        return (Dl4jGraphModel) family.load(parentDir, Joined.SCHEMA, parameters);
    }

    private Dl4jGraphModel child(Model parent, DatasetSchema schema, Transfer transfer, long seed) {
        return (Dl4jGraphModel) family.transfer(parent, new ModelRequest(schema, parameters, ADAM, null, seed), transfer);
    }

    @Test
    void firstLayersFrozenByDepthAndNewHeadsReload() throws IOException {
        Batch motif = motifOnly(Joined.examples(200, 2));
        Path childDir = Files.createDirectories(dir.resolve("child"));
        float[] before;
        try (Dl4jGraphModel parent = parent(); Dl4jGraphModel child = child(parent, MOTIF, new Transfer(1, true), 7)) {
            assertEquals(List.of("task_1_motif"), child.graph().getConfiguration().getNetworkOutputs());
            assertEquals(Set.of("covariates_dense_1", "sequence_conv"), frozenLayers(child), "depth 1: every branch's first layer");
            Map<String, float[]> start = parameters(child);
            Joined.fit(child, motif, 2, 25, 2);
            Map<String, float[]> end = parameters(child);
            for (String layer : BODY) {
                assertEquals(layer.equals("covariates_dense_1") || layer.equals("sequence_conv"),
                        java.util.Arrays.equals(parameters(parent).get(layer), end.get(layer)), layer + " frozen or fine-tuned");
            }
            assertFalse(java.util.Arrays.equals(start.get("task_1_motif"), end.get("task_1_motif")), "the new head trained");
            before = child.predict(motif);
            assertEquals(motif.size(), before.length);
            child.save(childDir);
        }
        // the inherited task weights name 'risk', which this data lacks: loading leaves it out
        try (Model loaded = family.load(childDir, MOTIF, parameters)) {
            assertArrayEquals(before, loaded.predict(motif), "reloaded predictions");
        }
    }

    /**
     * {@code freeze: [sequence_conv, sequence_dense_1]} keeps the sequence branch (not a depth prefix: the covariates
     * branch and the shared layer train); the fine-tuned model reloads with equal predictions. Unknown names, a
     * layer without the layers feeding it, and a replaced head are refused.
     */
    @Test
    void namedLayersFrozenWithWhatFeedsThem() throws IOException {
        Batch motif = motifOnly(Joined.examples(200, 2));
        Path childDir = Files.createDirectories(dir.resolve("named"));
        float[] before;
        Transfer branch = Transfer.named(List.of("sequence_dense_1", "sequence_conv"), true);
        try (Dl4jGraphModel parent = parent(); Dl4jGraphModel child = child(parent, MOTIF, branch, 7)) {
            assertTrue(parent.summary().contains("sequence_dense_1"), parent.summary());
            assertEquals(Set.of("sequence_conv", "sequence_dense_1"), frozenLayers(child));
            Joined.fit(child, motif, 2, 25, 2);
            Map<String, float[]> end = parameters(child);
            for (String layer : BODY) {
                assertEquals(layer.startsWith("sequence_"), java.util.Arrays.equals(parameters(parent).get(layer), end.get(layer)),
                        layer + " frozen or fine-tuned");
            }
            before = child.predict(motif);
            child.save(childDir);
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> child(parent, MOTIF, Transfer.named(List.of("conv1"), true), 7));
            assertTrue(unknown.getMessage().startsWith("the parent model has no layer named 'conv1': its layers are ["), unknown.getMessage());
            assertTrue(unknown.getMessage().contains("sequence_conv"), unknown.getMessage());
            IllegalArgumentException feeding = assertThrows(IllegalArgumentException.class,
                    () -> child(parent, MOTIF, Transfer.named(List.of("sequence_dense_1"), true), 7));
            assertEquals("a frozen layer of this family's graphs freezes every layer that feeds it: name [sequence_conv] too,"
                    + " or freeze fewer layers", feeding.getMessage());
            IllegalArgumentException head = assertThrows(IllegalArgumentException.class,
                    () -> child(parent, MOTIF, Transfer.named(List.of("task_1_risk"), true), 7));
            assertTrue(head.getMessage().startsWith("cannot freeze 'task_1_risk': it is part of a task head"), head.getMessage());
        }
        try (Model loaded = family.load(childDir, MOTIF, parameters)) {
            assertArrayEquals(before, loaded.predict(motif), "reloaded predictions");
        }
    }

    /**
     * A transfer from a fine-tuned model freezes exactly what it names: the child, saved with its sequence branch
     * frozen, gives a grandchild that freezes only the covariates branch (or nothing), whose sequence branch trains
     * again; before fine-tuning the grandchild predicts what the child does.
     */
    @Test
    void transferFromAFineTunedModelFreezesOnlyWhatItNames() throws IOException {
        Batch motif = motifOnly(Joined.examples(200, 2));
        Path childDir = Files.createDirectories(dir.resolve("frozen-child"));
        try (Dl4jGraphModel parent = parent();
             Dl4jGraphModel child = child(parent, MOTIF, Transfer.named(List.of("sequence_conv", "sequence_dense_1"), true), 7)) {
            Joined.fit(child, motif, 1, 25, 2);
            child.save(childDir);
        }
        try (Dl4jGraphModel child = (Dl4jGraphModel) family.load(childDir, MOTIF, parameters)) {
            assertEquals(Set.of("sequence_conv", "sequence_dense_1"), frozenLayers(child), "saved frozen");
            float[] predicted = child.predict(motif);
            Map<String, float[]> start = parameters(child);
            for (Transfer transfer : List.of(Transfer.named(List.of("covariates_dense_1"), false), new Transfer(0, false))) {
                try (Dl4jGraphModel grandchild = child(child, MOTIF, transfer, 9)) {
                    assertArrayEquals(predicted, grandchild.predict(motif), transfer + ": the child's predictions to start");
                    assertEquals(new TreeSet<>(transfer.frozenNames()), frozenLayers(grandchild), transfer + ": frozen layers");
                    Joined.fit(grandchild, motif, 1, 25, 3);
                    Map<String, float[]> end = parameters(grandchild);
                    for (String layer : BODY) {
                        assertEquals(transfer.frozenNames().contains(layer), java.util.Arrays.equals(start.get(layer), end.get(layer)),
                                transfer + ": " + layer + " frozen or fine-tuned");
                    }
                }
            }
        }
    }

    @Test
    void allButHeadFreezesEveryLayerOutsideTheHeads() throws IOException {
        try (Dl4jGraphModel parent = parent(); Dl4jGraphModel child = child(parent, Joined.SCHEMA, new Transfer(Transfer.ALL_BUT_HEAD, false), 7)) {
            assertEquals(new TreeSet<>(BODY), frozenLayers(child));
            Map<String, float[]> kept = parameters(parent);
            assertArrayEquals(parent.predict(Joined.examples(20, 5)), child.predict(Joined.examples(20, 5)), "the parent's heads kept");
            Joined.fit(child, Joined.examples(200, 2), 1, 25, 2);
            Map<String, float[]> tuned = parameters(child);
            BODY.forEach(layer -> assertArrayEquals(kept.get(layer), tuned.get(layer), layer));
            assertFalse(java.util.Arrays.equals(kept.get("task_2_motif"), tuned.get("task_2_motif")), "the heads trained");
        }
    }

    @Test
    void newHeadsRepeatForASeed() throws IOException {
        try (Dl4jGraphModel parent = parent();
             Dl4jGraphModel a = child(parent, MOTIF, new Transfer(0, true), 7);
             Dl4jGraphModel b = child(parent, MOTIF, new Transfer(0, true), 7);
             Dl4jGraphModel c = child(parent, MOTIF, new Transfer(0, true), 8)) {
            assertEquals(a.graph().params(), b.graph().params());
            assertFalse(a.graph().params().equals(c.graph().params()), "another seed draws another head");
            assertArrayEquals(parameters(parent).get("shared_1"), parameters(c).get("shared_1"), "the body starts as the parent's");
            assertEquals(Set.of(), frozenLayers(a), "freeze: none");
        }
    }

    @Test
    void refusesWhatCannotCarryOver() throws IOException {
        DatasetSchema covariatesOnly = new DatasetSchema(List.of(Joined.FLAT), "joined", TaskType.BINARY, List.of("motif"),
                Map.of("inputs", List.of(Joined.segment("covariates", List.of(Joined.FLAT), "expression", 0))));
        try (Dl4jGraphModel parent = parent()) {
            String inputs = assertThrows(IllegalArgumentException.class,
                    () -> child(parent, covariatesOnly, new Transfer(0, true), 1)).getMessage();
            assertEquals("the parent model reads the inputs [covariates expression [5], sequence dna-one-hot [30, 4]], the data has "
                    + "[covariates expression [5]]: a fine-tuned model keeps its parent's inputs", inputs);
            String heads = assertThrows(IllegalArgumentException.class, () -> child(parent, MOTIF, new Transfer(0, false), 1)).getMessage();
            assertTrue(heads.startsWith("keeping the parent's heads needs the same tasks: the parent predicts [risk, motif] (multilabel), "
                    + "the data has [motif] (binary)"), heads);
            String deep = assertThrows(IllegalArgumentException.class, () -> child(parent, MOTIF, new Transfer(4, true), 1)).getMessage();
            assertEquals("cannot freeze 4 layers: the deepest layer before the task heads is 3 layers from the inputs "
                    + "(freeze: all_but_head freezes every layer but the heads)", deep);
        }
    }

    /** The motif column of joined examples, as a binary dataset. */
    private static Batch motifOnly(Batch joined) {
        float[] y = new float[joined.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = joined.labels()[i * 2 + 1];
        }
        return new Batch(joined.size(), joined.features(), y);
    }

    /** The frozen layers with weights (Deeplearning4j also freezes the dropout between them, which then drops nothing). */
    private static Set<String> frozenLayers(Dl4jGraphModel model) {
        Set<String> names = new TreeSet<>();
        for (var vertex : model.graph().getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer() instanceof org.deeplearning4j.nn.layers.FrozenLayer && vertex.getLayer().numParams() > 0) {
                names.add(vertex.getVertexName());
            }
        }
        return names;
    }

    /** Each layer's parameters, copied. */
    private static Map<String, float[]> parameters(Dl4jGraphModel model) {
        Map<String, float[]> values = new HashMap<>();
        for (var vertex : model.graph().getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer().numParams() > 0) {
                values.put(vertex.getVertexName(), vertex.getLayer().params().dup().toFloatVector());
            }
        }
        return values;
    }
}
