package org.homeward.notification.intake;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who owns a child record and whether its child is flagged urgent: the only things this service keeps from a
 * tracing profile.
 *
 * @param recordId the record's id
 * @param country the owning registry's country
 * @param agencyId the owning agency ({@code owner.agencyId})
 * @param urgent the tracing profile's urgency flag
 * @param lastSequence the sequence of the newest record event applied
 */
@Document("recordRoutes")
@TypeAlias("recordRoute")
record RecordRoute(@Id String recordId, String country, String agencyId, boolean urgent, long lastSequence) {}
