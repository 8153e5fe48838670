package org.homeward.notification.contactpoint;

/** Whether a contact point speaks for its country (the national contact point) or for one agency that owns records. */
public enum ContactPointKind {
    /** The national contact point: told about every match involving its country. */
    NCP,
    /** An agency: told about matches of the records it owns (the tracing profile's {@code owner.agencyId}). */
    AGENCY
}
