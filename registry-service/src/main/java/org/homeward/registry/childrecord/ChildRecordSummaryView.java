package org.homeward.registry.childrecord;

import java.time.Instant;
import org.homeward.registry.person.Sex;
import org.jspecify.annotations.Nullable;

/** One search hit: enough to recognise the child and open the record, nothing sensitive. */
record ChildRecordSummaryView(
        String id,
        RecordKind kind,
        RecordStatus status,
        ChildRecordView.NameView name,
        Sex sex,
        @Nullable Integer birthYearFrom,
        @Nullable Integer birthYearTo,
        Instant updatedAt) {

    static ChildRecordSummaryView of(ChildRecord record) {
        var description = record.description();
        var years = description.birthYears();
        return new ChildRecordSummaryView(
                record.id(),
                record.kind(),
                record.status(),
                ChildRecordView.NameView.of(description.names().getFirst()),
                description.sex(),
                years == null ? null : years.from(),
                years == null ? null : years.to(),
                record.updatedAt());
    }

    @Override
    public String toString() {
        return "ChildRecordSummaryView[" + id + "]";
    }
}
