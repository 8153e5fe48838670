package org.homeward.matching.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code record_id,entity_id} truth files (evaluation only; the engine never sees them). */
final class TruthFile {

    private TruthFile() {}

    static Map<String, String> read(Path file) throws IOException {
        var entities = new HashMap<String, String>();
        for (RecordsFile.Row row : RecordsFile.rows(file, List.of("record_id", "entity_id"))) {
            if (row.get(0).isEmpty() || row.get(1).isEmpty()) {
                throw new MalformedInput(row.line(), row.get(0).isEmpty() ? 1 : 2, "empty value");
            }
            if (entities.put(row.get(0), row.get(1)) != null) {
                throw new MalformedInput(row.line(), 1, "duplicate record_id");
            }
        }
        return entities;
    }
}
