package org.homeward.contracts;

/**
 * A group of topics that carry the same contracts, named by the address used for it in the AsyncAPI document.
 * Every contract travels on exactly one family; the dead-letter families carry the original bytes of messages that
 * could not be processed, not a contract of their own.
 */
public enum TopicFamily {
    /** One topic per country, {@code homeward.registry.{country}.records.v1}; key: the record id. */
    REGISTRY_RECORDS("homeward.registry.{country}.records.v1"),
    /** {@link Topics#MATCHES}; key: the match id. */
    MATCHES(Topics.MATCHES),
    /** {@link Topics#NOTIFICATIONS}; key: the notification id. */
    NOTIFICATIONS(Topics.NOTIFICATIONS),
    /** {@link Topics#MATCHING_DEAD_LETTER}; key: the original message's key. */
    MATCHING_DEAD_LETTER(Topics.MATCHING_DEAD_LETTER),
    /** {@link Topics#NOTIFICATION_DEAD_LETTER}; key: the original message's key. */
    NOTIFICATION_DEAD_LETTER(Topics.NOTIFICATION_DEAD_LETTER),
    /**
     * One topic per country, {@code homeward.registry.{country}.deadletter.v1} ({@link Topics#registryDeadLetter});
     * key: the original message's key.
     */
    REGISTRY_DEAD_LETTER("homeward.registry.{country}.deadletter.v1");

    private final String address;

    TopicFamily(String address) {
        this.address = address;
    }

    /** The topic name, or for the registry families the template with a {@code {country}} parameter. */
    public String address() {
        return address;
    }

    /** Whether {@code topic} belongs to this family. */
    public boolean includes(String topic) {
        return switch (this) {
            case REGISTRY_RECORDS -> Topics.registryCountry(topic).isPresent();
            case REGISTRY_DEAD_LETTER -> Topics.isRegistryDeadLetter(topic);
            default -> address.equals(topic);
        };
    }
}
