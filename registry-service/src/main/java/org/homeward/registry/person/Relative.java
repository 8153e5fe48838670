package org.homeward.registry.person;

import org.jspecify.annotations.Nullable;

/**
 * A parent, guardian or other relative. The name may cross a border in the tracing profile; the contact details
 * never do.
 */
public record Relative(
        Relationship relationship,
        PersonName name,
        @Nullable ContactDetails contact) {

    public Relative {
        if (relationship == null) {
            throw new IllegalArgumentException("relationship is required");
        }
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
    }

    /** The same relative without the contact details, as it is stored in clear and may be federated. */
    public Relative withoutContact() {
        return new Relative(relationship, name, null);
    }

    @Override
    public String toString() {
        return "Relative[redacted]";
    }
}
