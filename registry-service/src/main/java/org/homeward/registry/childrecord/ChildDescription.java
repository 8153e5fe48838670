package org.homeward.registry.childrecord;

import java.util.List;
import java.util.Set;
import org.homeward.registry.person.AgeRange;
import org.homeward.registry.person.ApproximateDate;
import org.homeward.registry.person.PersonName;
import org.homeward.registry.person.Place;
import org.homeward.registry.person.Relative;
import org.homeward.registry.person.Sex;
import org.jspecify.annotations.Nullable;

/**
 * What a record says about the child that is stored in clear: the basis of the tracing profile. Relatives here carry
 * no contact details (those are sealed), and neither placement nor notes appear.
 */
public record ChildDescription(
        List<PersonName> names,
        Sex sex,
        @Nullable ApproximateDate birthDate,
        @Nullable AgeRange estimatedAge,
        @Nullable Place birthPlace,
        Set<String> nationalities,
        List<String> languages,
        List<Relative> relatives,
        @Nullable LastSeen lastSeen,
        boolean urgent) {

    public ChildDescription {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must not be empty");
        }
        sex = sex == null ? Sex.UNKNOWN : sex;
        if (birthDate != null && estimatedAge != null) {
            throw new IllegalArgumentException("give either birthDate or estimatedAge, not both");
        }
        nationalities = Set.copyOf(nationalities);
        languages = List.copyOf(languages);
        relatives = relatives.stream().map(Relative::withoutContact).toList();
    }

    /** The earliest and latest birth year this description allows, for searching by birth year. */
    @Nullable
    YearSpan birthYears() {
        if (birthDate != null) {
            return new YearSpan(birthDate.year(), birthDate.year());
        }
        if (estimatedAge != null) {
            int year = estimatedAge.estimatedOn().getYear();
            return new YearSpan(year - estimatedAge.maxYears() - 1, year - estimatedAge.minYears());
        }
        return null;
    }

    record YearSpan(int from, int to) {}

    @Override
    public String toString() {
        return "ChildDescription[redacted]";
    }
}
