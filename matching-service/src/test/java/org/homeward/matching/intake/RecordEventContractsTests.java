package org.homeward.matching.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.contracts.childrecord.AgeRange;
import org.homeward.contracts.childrecord.ContactRouting;
import org.homeward.contracts.childrecord.NameUse;
import org.homeward.contracts.childrecord.PersonName;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.childrecord.RecordStatus;
import org.homeward.contracts.childrecord.Relationship;
import org.homeward.contracts.childrecord.Relative;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.matching.engine.BirthDate;
import org.homeward.matching.engine.ChildProfile;
import org.junit.jupiter.api.Test;

class RecordEventContractsTests {

    private static final String ID = "5f0c8a4e-0000-4000-8000-000000000001";

    private static TracingProfile.Builder aProfile() {
        return TracingProfile.newBuilder()
                .setRecordId(UUID.fromString(ID))
                .setKind(RecordKind.MISSING_REPORT)
                .setStatus(RecordStatus.OPEN)
                .setNames(List.of(
                        new PersonName("Тестана", "Синтенко", "Моківна", "Cyrl", "uk", NameUse.PRIMARY),
                        new PersonName("Testana", "Syntenko", null, "Latn", null, NameUse.SPELLING)))
                .setSex(Sex.UNKNOWN)
                .setBirthDate(null)
                .setEstimatedAge(new AgeRange(6, 8, LocalDate.of(2022, 6, 1)))
                .setBirthPlace(null)
                .setRelatives(List.of(
                        new Relative(
                                Relationship.SIBLING,
                                new PersonName("Probana", "Syntenko", null, "Latn", null, NameUse.PRIMARY)),
                        new Relative(
                                Relationship.MOTHER,
                                new PersonName("Dummia", "Syntenko", null, "Latn", null, NameUse.PRIMARY))))
                .setRecordedOn(LocalDate.of(2022, 6, 1))
                .setOwner(new ContactRouting("UA", "TEST-AGENCY"))
                .setDocumentHashes(List.of())
                .setUrgent(true);
    }

    private static CandidateProfile stored(TracingProfile profile) {
        return new CandidateProfile(
                ID,
                "UA",
                ChildProfile.Kind.MISSING_REPORT,
                CandidateProfile.RecordStatus.OPEN,
                RecordEventContracts.description(profile),
                1,
                UUID.randomUUID().toString(),
                null,
                Instant.EPOCH);
    }

    @Test
    void givesTheEngineEverySpellingTheParentsAndTheAgeEstimate() {
        var engine = RecordEventContracts.engineProfile(stored(aProfile().build()));

        assertThat(engine.givenNames()).containsExactly("Тестана", "Testana");
        assertThat(engine.familyNames()).containsExactly("Синтенко", "Syntenko");
        assertThat(engine.patronymic()).isEqualTo("Моківна");
        assertThat(engine.motherGivenName()).isEqualTo("Dummia");
        assertThat(engine.fatherGivenName()).isNull();
        assertThat(engine.sex()).isNull();
        assertThat(engine.birthDate().precision()).isEqualTo(BirthDate.Precision.AGE_RANGE);
        assertThat(engine.country()).isEqualTo("UA");
    }

    @Test
    void prefersTheBirthDateToTheAgeEstimateAtItsPrecision() {
        var profile = aProfile()
                .setBirthDate(new org.homeward.contracts.childrecord.ApproximateDate(2015, 3, null))
                .build();

        var engine = RecordEventContracts.engineProfile(stored(profile));

        assertThat(engine.birthDate()).isEqualTo(BirthDate.of(java.time.YearMonth.of(2015, 3)));
    }

    @Test
    void keepsNamesOutOfToString() {
        var candidate = stored(aProfile().build());

        assertThat(candidate.toString()).doesNotContain("Testana").doesNotContain("Syntenko");
        assertThat(candidate.description().toString()).doesNotContain("Testana");
    }
}
