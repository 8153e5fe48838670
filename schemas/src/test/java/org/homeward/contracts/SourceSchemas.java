package org.homeward.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The contracts as written in {@code src/main/avro}, one named type per file, resolved across files. Unlike the
 * generated classes' schemas they carry no Java-specific properties, so they are what a release publishes.
 */
final class SourceSchemas {

    static final Path SOURCE = Path.of("src", "main", "avro");

    private SourceSchemas() {}

    /** Every named type (records and enums) by full name. */
    static Map<String, Schema> byFullName() {
        var parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".avsc"))
                    .sorted()
                    .toList()) {
                results.add(parser.parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> schemas = new TreeMap<>();
        for (SchemaParser.ParseResult result : results) {
            Schema schema = result.mainSchema();
            schemas.put(schema.getFullName(), schema);
        }
        return schemas;
    }
}
