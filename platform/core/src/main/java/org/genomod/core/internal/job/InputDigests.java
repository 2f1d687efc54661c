package org.genomod.core.internal.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genomod.core.internal.io.Digests;

/** SHA-256 of every input file of a job, computed once, and one digest over them all for the model card. */
record InputDigests(Map<Path, String> files, String combined) {

    static InputDigests of(List<Path> inputs) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        for (Path input : inputs) {
            String sha = Digests.sha256(input);
            files.put(input, sha);
            lines.append(sha).append("  ").append(input.getFileName()).append('\n');
        }
        return new InputDigests(files, Digests.sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    List<Map<String, Object>> asList() {
        List<Map<String, Object>> out = new ArrayList<>();
        files.forEach((path, sha) -> out.add(Map.of("path", path.toString(), "sha256", sha)));
        return out;
    }
}
