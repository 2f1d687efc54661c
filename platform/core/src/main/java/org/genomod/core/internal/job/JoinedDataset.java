package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genomod.api.data.DataReader;
import org.genomod.api.data.Dataset;
import org.genomod.api.data.DatasetSchema;
import org.genomod.api.data.InputFormatException;
import org.genomod.api.data.Network;
import org.genomod.api.data.ReadContext;
import org.genomod.api.param.Parameters;

/**
 * Several inputs of the same records (modalities: genotypes and covariates, sequence and expression)
 * joined by record id. The primary input gives the records, in its order, with their labels and groups;
 * each further input must have every one of them (it may have more). A joined example's features are
 * the inputs' flattened features one after the other, and the schema's {@value #INPUTS} attribute says
 * where each input lies, so a model can take them apart:
 * {@code [{name, reader, shape, encoding, offset, size, attributes}, ...]}, plain values.
 */
final class JoinedDataset implements Dataset {
    /** The encoding of joined examples; the inputs' own encodings are in the {@value #INPUTS} attribute. */
    static final String ENCODING = "joined";
    /** Schema attribute listing the inputs' segments of the feature vector. */
    static final String INPUTS = "inputs";

    /**
     * An input as read.
     *
     * @param source the file named in errors
     */
    record Part(String name, String reader, Dataset data, Path source) {
    }

    /** How to read one input. */
    record Reading(String name, String readerName, DataReader reader, Parameters parameters) {
        Path source() {
            return parameters.has(DataReader.PATH) ? parameters.path(DataReader.PATH) : Path.of(name);
        }
    }

    private final DatasetSchema schema;
    private final Dataset primary;
    private final List<Dataset> others;
    /** rows.get(k)[i]: the row of the primary's record i in further input k. */
    private final List<int[]> rows;
    /** Where each input's features start in a joined example. */
    private final int[] offsets;

    private JoinedDataset(DatasetSchema schema, Dataset primary, List<Dataset> others, List<int[]> rows, int[] offsets) {
        this.schema = schema;
        this.primary = primary;
        this.others = others;
        this.rows = rows;
        this.offsets = offsets;
    }

    /**
     * Reads every input with its reader and joins them; a single input is returned as it is read. The
     * primary input is read with {@code context}. Further inputs give features only, so they are read
     * without requiring labels, for the primary input's outputs (readers need outputs to name).
     */
    static Dataset read(List<Reading> readings, ReadContext context) throws IOException {
        Reading first = readings.get(0);
        Dataset primary = first.reader().read(first.parameters(), context);
        if (readings.size() == 1) {
            return primary;
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(first.name(), first.readerName(), primary, first.source()));
        ReadContext featuresOnly = new ReadContext(false, primary.schema().outputs(), context.cancellation());
        for (Reading r : readings.subList(1, readings.size())) {
            parts.add(new Part(r.name(), r.readerName(), r.reader().read(r.parameters(), featuresOnly), r.source()));
        }
        return join(parts);
    }

    /** Joins further inputs onto the first one by record id. */
    static JoinedDataset join(List<Part> parts) throws InputFormatException {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a join needs at least two inputs, got " + parts.size());
        }
        Part first = parts.get(0);
        Dataset primary = first.data();
        List<Dataset> others = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (Part part : parts.subList(1, parts.size())) {
            others.add(part.data());
            rows.add(rowsOf(first, part));
        }
        int[] offsets = new int[parts.size()];
        List<Map<String, Object>> segments = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < parts.size(); k++) {
            DatasetSchema s = parts.get(k).data().schema();
            offsets[k] = offset;
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("name", parts.get(k).name());
            segment.put("reader", parts.get(k).reader());
            segment.put("shape", s.featureShape());
            segment.put("encoding", s.encoding());
            segment.put("offset", offset);
            segment.put("size", s.featureSize());
            segment.put("attributes", s.attributes());
            segments.add(segment);
            offset = Math.addExact(offset, s.featureSize());
        }
        DatasetSchema p = primary.schema();
        DatasetSchema schema = new DatasetSchema(List.of(offset), ENCODING, p.task(), p.outputs(), Map.of(INPUTS, segments));
        return new JoinedDataset(schema, primary, others, rows, offsets);
    }

    /** Each primary record's row in {@code part}; every record must be there, once. */
    private static int[] rowsOf(Part primary, Part part) throws InputFormatException {
        Dataset data = part.data();
        Map<String, Integer> index = new HashMap<>(data.size() * 2);
        for (int r = 0; r < data.size(); r++) {
            Integer earlier = index.putIfAbsent(data.id(r), r);
            if (earlier != null) {
                throw new InputFormatException(part.source(), 0, "input '" + part.name() + "' has two records with id '" + data.id(r)
                        + "' (records " + (earlier + 1) + " and " + (r + 1) + "), so it cannot be joined by record id");
            }
        }
        Dataset records = primary.data();
        int[] rows = new int[records.size()];
        int missing = 0;
        String example = null;
        for (int i = 0; i < records.size(); i++) {
            Integer row = index.get(records.id(i));
            if (row == null) {
                missing++;
                example = example == null ? records.id(i) : example;
                rows[i] = -1;
            } else {
                rows[i] = row;
            }
        }
        if (missing > 0) {
            throw new InputFormatException(part.source(), 0, String.format("input '%s' has no record for %,d of the %,d records of "
                    + "input '%s' (e.g. '%s'; its own records are named like '%s'); every record must be in every input, joined by "
                    + "record id", part.name(), missing, records.size(), primary.name(), example, data.size() == 0 ? "" : data.id(0)));
        }
        return rows;
    }

    /**
     * Why examples of {@code actual} cannot be fed to a model trained on {@code trained}, if they cannot: the
     * same inputs in the same order, each of the same shape and encoding and, where the reader records one,
     * the same feature digest (the same genes or SNPs in the same columns).
     */
    static Optional<String> difference(DatasetSchema trained, DatasetSchema actual) {
        List<Map<?, ?>> expected = segments(trained);
        List<Map<?, ?>> found = segments(actual);
        if (!describe(expected).equals(describe(found))) {
            return Optional.of("gives inputs " + describe(found) + ", the model takes " + describe(expected));
        }
        for (int k = 0; k < expected.size(); k++) {
            Object a = digest(expected.get(k));
            Object b = digest(found.get(k));
            if (a != null && b != null && !a.equals(b)) {
                return Optional.of("input '" + expected.get(k).get("name") + "' has other features (names or order) than the "
                        + "model was trained on; give it the same genes or SNPs in the same order");
            }
        }
        return Optional.empty();
    }

    /** The segments of a joined schema (from a dataset or read back from a model card). */
    static List<Map<?, ?>> segments(DatasetSchema schema) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (schema.attributes().get(INPUTS) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** {@code name: encoding [shape]} per input; shapes as integers, whichever number type a card gave back. */
    private static List<String> describe(List<Map<?, ?>> segments) {
        List<String> out = new ArrayList<>();
        for (Map<?, ?> s : segments) {
            List<Integer> shape = new ArrayList<>();
            if (s.get("shape") instanceof List<?> dims) {
                dims.forEach(d -> shape.add(((Number) d).intValue()));
            }
            out.add(s.get("name") + ": " + s.get("encoding") + " " + shape);
        }
        return out;
    }

    private static Object digest(Map<?, ?> segment) {
        return segment.get("attributes") instanceof Map<?, ?> a ? a.get(DefaultPredictionService.FEATURE_DIGEST) : null;
    }

    @Override public DatasetSchema schema() { return schema; }
    @Override public int size() { return primary.size(); }
    @Override public String id(int index) { return primary.id(index); }
    @Override public String group(int index) { return primary.group(index); }
    @Override public boolean labelled() { return primary.labelled(); }
    @Override public Optional<Network> network() { return primary.network(); }
    @Override public void labels(int index, float[] dest, int offset) { primary.labels(index, dest, offset); }

    @Override
    public void features(int index, float[] dest, int offset) {
        primary.features(index, dest, offset);
        for (int k = 0; k < others.size(); k++) {
            others.get(k).features(rows.get(k)[index], dest, offset + offsets[k + 1]);
        }
    }

    @Override
    public String toString() {
        return "JoinedDataset[" + size() + " records, inputs " + segments(schema).stream().map(s -> s.get("name")).toList() + "]";
    }
}
