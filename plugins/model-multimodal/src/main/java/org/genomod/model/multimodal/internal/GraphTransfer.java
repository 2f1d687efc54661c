package org.genomod.model.multimodal.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.model.Model;
import org.genomod.api.model.ModelRequest;
import org.genomod.api.model.Transfer;
import org.genomod.dl4j.Dl4jGraphModel;

/**
 * Transfer learning for the family's graphs. The new data must have the parent's inputs (names, shapes and
 * encodings); its tasks may differ. A graph has no single order of layers, so {@code freeze: N} counts
 * <em>depth</em>: a layer with weights is at depth 1 + the deepest such layer on any path from an input to it,
 * so depth 1 is every branch's first layer (a convolution or a dense layer), and the shared layers follow the
 * deepest branch. {@code freeze: N} keeps the weights of every layer up to depth N outside the task heads, and
 * {@code all_but_head} those of every layer outside them. {@code freeze: [names]} keeps the named layers, which must
 * include every layer feeding one of them (Deeplearning4j's feature extractor freezes those too). A new head is one new head per task of the new
 * data (its hidden layers and output layer, as the parent's were built), reading what the parent's heads read.
 */
final class GraphTransfer {
    private GraphTransfer() {
    }

    static Model transfer(Model parent, ModelRequest request, Transfer transfer) {
        if (!(parent instanceof Dl4jGraphModel source)) {
            throw new IllegalArgumentException("the parent model is not a multimodal computation graph");
        }
        DatasetSchema schema = request.schema();
        Architecture old = Architecture.of(source.schema(), request.hyperParameters(), true);
        Architecture now = Architecture.of(schema, request.hyperParameters(), true);
        if (!old.segments().equals(now.segments())) {
            throw new IllegalArgumentException("the parent model reads the inputs " + describe(old.segments()) + ", the data has "
                    + describe(now.segments()) + ": a fine-tuned model keeps its parent's inputs");
        }
        if (!transfer.newHead() && (!old.tasks().equals(now.tasks()) || source.schema().task() != schema.task())) {
            throw new IllegalArgumentException("keeping the parent's heads needs the same tasks: the parent predicts "
                    + source.schema().outputs() + " (" + source.schema().task().name().toLowerCase() + "), the data has "
                    + schema.outputs() + " (" + schema.task().name().toLowerCase() + "); replace the heads instead");
        }
        ComputationGraph graph = source.graph();
        Set<String> heads = MultimodalGraphs.headVertices(old);
        Set<String> frozen = transfer.byName() ? named(graph, heads, transfer.frozenNames(), transfer.newHead())
                : frozen(graph, heads, transfer.frozenLayers());
        String first = firstVertex(old);
        String trunk = graph.getConfiguration().getVertexInputs().get(first).get(0);
        long trunkWidth = ((FeedForwardLayer) graph.getLayer(first).conf().getLayer()).getNIn();
        return Dl4jGraphModel.transfer(source, request, frozen, builder -> {
            if (transfer.newHead()) {
                MultimodalGraphs.replaceHeads(builder, old, now, schema, trunk, trunkWidth);
            }
        }, now.inputs(), now.outputs());
    }

    /**
     * The layers {@code freeze} keeps: those with weights outside the heads up to depth {@code count}
     * ({@link Transfer#ALL_BUT_HEAD}: all of them).
     */
    static Set<String> frozen(ComputationGraph graph, Set<String> heads, int count) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
        GraphVertex[] vertices = graph.getVertices();
        Set<String> body = new LinkedHashSet<>();
        int deepest = 0;
        for (int i : graph.topologicalSortOrder()) {
            String name = vertices[i].getVertexName();
            int d = inputs.getOrDefault(name, List.of()).stream().mapToInt(depth::get).max().orElse(0);
            if (vertices[i].hasLayer() && vertices[i].getLayer().numParams() > 0) {
                d++;
                if (!heads.contains(name)) {
                    body.add(name);
                    deepest = Math.max(deepest, d);
                }
            }
            depth.put(name, d);
        }
        int n = count == Transfer.ALL_BUT_HEAD ? deepest : count;
        if (n > deepest) {
            throw new IllegalArgumentException("cannot freeze " + n + " layers: the deepest layer before the task heads is "
                    + deepest + " layers from the inputs (freeze: all_but_head freezes every layer but the heads)");
        }
        body.removeIf(name -> depth.get(name) > n);
        return body;
    }

    /**
     * The layers {@code freeze: [names]} keeps: the named layer vertices (as the summary names them). Deeplearning4j
     * freezes a vertex together with every vertex that feeds it, so the names must include every layer with weights
     * between a named one and the inputs; the heads cannot be frozen when they are replaced.
     */
    static Set<String> named(ComputationGraph graph, Set<String> heads, List<String> names, boolean newHead) {
        Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
        Set<String> layers = new LinkedHashSet<>();
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex.hasLayer() && vertex.getLayer().numParams() > 0) {
                layers.add(vertex.getVertexName());
            }
        }
        Set<String> frozen = new LinkedHashSet<>();
        for (String name : names) {
            if (!layers.contains(name)) {
                throw new IllegalArgumentException("the parent model has no layer named '" + name + "': its layers are " + layers);
            }
            if (newHead && heads.contains(name)) {
                throw new IllegalArgumentException("cannot freeze '" + name + "': it is part of a task head, which is replaced"
                        + " (new_head: false keeps the heads)");
            }
            frozen.add(name);
        }
        Set<String> feeding = new LinkedHashSet<>();
        List<String> open = new java.util.ArrayList<>(frozen);
        while (!open.isEmpty()) {
            for (String input : inputs.getOrDefault(open.remove(open.size() - 1), List.of())) {
                if (feeding.add(input)) {
                    open.add(input);
                }
            }
        }
        feeding.retainAll(layers);
        feeding.removeAll(frozen);
        if (!feeding.isEmpty()) {
            throw new IllegalArgumentException("a frozen layer of this family's graphs freezes every layer that feeds it: name "
                    + feeding + " too, or freeze fewer layers");
        }
        if (frozen.containsAll(layers)) {
            throw new IllegalArgumentException("cannot freeze every layer: the heads at least must train");
        }
        return frozen;
    }

    /** The first layer of the first task's head, which reads the trunk. */
    private static String firstVertex(Architecture architecture) {
        String name = MultimodalGraphs.headName(0, architecture.tasks().get(0));
        return architecture.headHidden().isEmpty() ? name : name + "_1";
    }

    private static String describe(List<Segment> segments) {
        return segments.stream().map(s -> s.name() + " " + s.encoding() + " " + s.shape()).toList().toString();
    }
}
