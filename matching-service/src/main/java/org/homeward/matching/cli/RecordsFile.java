package org.homeward.matching.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.homeward.matching.engine.BirthDate;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Sex;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records CSV of the batch commands (UTF-8, header row, RFC 4180). Any defect is reported as a
 * {@link MalformedInput} naming the line and column, never the value (it may be a child's name).
 */
final class RecordsFile {

    static final List<String> HEADER = List.of(
            "record_id",
            "kind",
            "country",
            "given_name",
            "family_name",
            "patronymic",
            "sex",
            "birth_date",
            "estimated_age",
            "birth_place",
            "mother_given_name",
            "mother_family_name",
            "father_given_name",
            "father_family_name",
            "reported_on");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern AGE = Pattern.compile("(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?");

    private RecordsFile() {}

    static List<ChildProfile> read(Path file) throws IOException {
        List<Row> rows = rows(file, HEADER);
        var profiles = new ArrayList<ChildProfile>(rows.size());
        var ids = new HashSet<String>();
        for (Row row : rows) {
            profiles.add(profile(row, ids));
        }
        return profiles;
    }

    /** One data row with the line it starts on. */
    record Row(long line, CSVRecord values) {
        String get(int column) {
            return values.get(column).strip();
        }
    }

    /** All data rows of a CSV file whose header must be exactly {@code header}. */
    static List<Row> rows(Path file, List<String> header) throws IOException {
        String text = decode(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var rows = new ArrayList<Row>();
        CSVFormat format = CSVFormat.RFC4180.builder().get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            readRows(parser, header, rows);
        }
        return rows;
    }

    private static void readRows(CSVParser parser, List<String> header, List<Row> rows) {
        long line = 1;
        try {
            boolean first = true;
            for (CSVRecord record : parser) {
                long startLine = line;
                line = parser.getCurrentLineNumber() + 1;
                if (first) {
                    first = false;
                    checkHeader(record, header);
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new MalformedInput(
                            startLine,
                            Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " columns, found " + record.size());
                }
                rows.add(new Row(startLine, record));
            }
            if (first) {
                throw new MalformedInput(1, 1, "empty file, expected a header row");
            }
        } catch (java.io.UncheckedIOException e) {
            throw new MalformedInput(line, 1, "not valid CSV: unbalanced quotes or a character after a closing quote");
        }
    }

    private static void checkHeader(CSVRecord record, List<String> header) {
        for (int i = 0; i < Math.max(record.size(), header.size()); i++) {
            String found = i < record.size() ? record.get(i).strip() : null;
            String expected = i < header.size() ? header.get(i) : null;
            if (expected == null) {
                throw new MalformedInput(1, i + 1, "unexpected extra header column");
            }
            if (!expected.equals(found)) {
                throw new MalformedInput(1, i + 1, "header must be " + String.join(",", header));
            }
        }
    }

    private static String decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            long line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.split(",", -1).length;
            throw new MalformedInput(line, column, "not valid UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static ChildProfile profile(Row row, HashSet<String> ids) {
        String id = row.get(0);
        if (id.isEmpty()) {
            throw error(row, 0, "record_id is empty");
        }
        if (!ids.add(id)) {
            throw error(row, 0, "duplicate record_id");
        }
        ChildProfile.Kind kind;
        try {
            kind = ChildProfile.Kind.valueOf(row.get(1));
        } catch (IllegalArgumentException e) {
            throw error(row, 1, "unknown kind, expected REGISTRATION or MISSING_REPORT");
        }
        String country = row.get(2);
        if (!COUNTRY.matcher(country).matches()) {
            throw error(row, 2, "country must be an ISO 3166-1 alpha-2 code");
        }
        Sex sex = switch (row.get(6)) {
            case "" -> null;
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> throw error(row, 6, "sex must be M, F or empty");
        };
        LocalDate reportedOn = date(row, 14);
        if (reportedOn == null) {
            throw error(row, 14, "reported_on is required");
        }
        BirthDate birthDate = birthDate(row, reportedOn);
        return ChildProfile.builder(id, kind, country, reportedOn)
                .givenName(row.get(3))
                .familyName(row.get(4))
                .patronymic(row.get(5))
                .sex(sex)
                .birthDate(birthDate)
                .birthPlace(row.get(9))
                .mother(row.get(10), row.get(11))
                .father(row.get(12), row.get(13))
                .build();
    }

    private static @Nullable BirthDate birthDate(Row row, LocalDate reportedOn) {
        String text = row.get(7);
        if (!text.isEmpty()) {
            try {
                if (YEAR.matcher(text).matches()) {
                    return BirthDate.ofYear(Integer.parseInt(text));
                }
                if (YEAR_MONTH.matcher(text).matches()) {
                    return BirthDate.of(YearMonth.parse(text));
                }
                return BirthDate.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw error(row, 7, "birth_date must be YYYY-MM-DD, YYYY-MM or YYYY");
            }
        }
        String age = row.get(8);
        if (age.isEmpty()) {
            return null;
        }
        var matcher = AGE.matcher(age);
        if (!matcher.matches()) {
            throw error(row, 8, "estimated_age must be a range of years such as 6-8");
        }
        int min = Integer.parseInt(matcher.group(1));
        int max = matcher.group(2) == null ? min : Integer.parseInt(matcher.group(2));
        if (max < min) {
            throw error(row, 8, "estimated_age range is reversed");
        }
        return BirthDate.ofAgeRange(min, max, reportedOn);
    }

    private static @Nullable LocalDate date(Row row, int column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(row, column, HEADER.get(column) + " must be a date YYYY-MM-DD");
        }
    }

    private static MalformedInput error(Row row, int column, String message) {
        return new MalformedInput(row.line(), column + 1, message + " (column " + HEADER.get(column) + ")");
    }
}
