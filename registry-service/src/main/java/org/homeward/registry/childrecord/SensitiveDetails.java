package org.homeward.registry.childrecord;

import java.util.List;
import java.util.Map;
import org.homeward.registry.person.ContactDetails;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a record that never leave the country and are encrypted at rest: placement, identity documents,
 * vulnerability notes and relatives' contact details (by the relative's position in the record).
 */
record SensitiveDetails(
        @Nullable Placement placement,
        List<IdentityDocument> documents,
        @Nullable String vulnerabilityNotes,
        Map<Integer, ContactDetails> relativeContacts) {

    SensitiveDetails {
        documents = List.copyOf(documents);
        relativeContacts = Map.copyOf(relativeContacts);
    }

    static SensitiveDetails none() {
        return new SensitiveDetails(null, List.of(), null, Map.of());
    }

    @Override
    public String toString() {
        return "SensitiveDetails[redacted]";
    }
}
