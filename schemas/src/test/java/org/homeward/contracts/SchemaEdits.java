package org.homeward.contracts;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;

/** Derives variants of record schemas, to simulate other versions of a contract. */
final class SchemaEdits {

    private SchemaEdits() {}

    static Schema withoutField(Schema record, String name) {
        requireField(record, name);
        return rebuild(
                record,
                record.getFields().stream()
                        .filter(field -> !field.name().equals(name))
                        .map(SchemaEdits::copy)
                        .toList());
    }

    static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>(
                record.getFields().stream().map(SchemaEdits::copy).toList());
        fields.add(added);
        return rebuild(record, fields);
    }

    /** Replaces the type of one field, keeping its doc and default (a default that no longer fits fails). */
    static Schema withFieldType(Schema record, String name, Schema type) {
        requireField(record, name);
        return rebuild(
                record,
                record.getFields().stream()
                        .map(field -> field.name().equals(name)
                                ? new Schema.Field(field.name(), type, field.doc(), (Object) null)
                                : copy(field))
                        .toList());
    }

    static Schema enumWithout(Schema enumeration, String symbol, @Nullable String newDefault) {
        List<String> symbols = enumeration.getEnumSymbols().stream()
                .filter(existing -> !existing.equals(symbol))
                .toList();
        return Schema.createEnum(
                enumeration.getName(), enumeration.getDoc(), enumeration.getNamespace(), symbols, newDefault);
    }

    static Schema enumWith(Schema enumeration, String symbol) {
        List<String> symbols = new ArrayList<>(enumeration.getEnumSymbols());
        symbols.add(symbol);
        return Schema.createEnum(
                enumeration.getName(),
                enumeration.getDoc(),
                enumeration.getNamespace(),
                symbols,
                enumeration.getEnumDefault());
    }

    private static Schema.Field copy(Schema.Field field) {
        return new Schema.Field(field, field.schema());
    }

    private static Schema rebuild(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static void requireField(Schema record, String name) {
        if (record.getField(name) == null) {
            throw new IllegalArgumentException(record.getName() + " has no field " + name);
        }
    }
}
