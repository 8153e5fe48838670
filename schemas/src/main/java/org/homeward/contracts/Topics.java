package org.homeward.contracts;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the Kafka topics Homeward's contracts travel on. Topic names follow {@code
 * homeward.<producer>[.<country>].<things>.v<N>}; a new {@code vN} is a new topic, used only for a change the
 * compatibility rules forbid.
 */
public final class Topics {

    /**
     * Regular expression matching the records topic of every country, for pattern subscriptions ({@code
     * Pattern.compile(REGISTRY_RECORDS_PATTERN)}, {@code @KafkaListener(topicPattern = ...)}). Mirrored topics must keep
     * their names (MirrorMaker 2 with {@code IdentityReplicationPolicy}): the country is already in the name.
     */
    public static final String REGISTRY_RECORDS_PATTERN = "homeward\\.registry\\.[A-Z]{2}\\.records\\.v1";

    /** Match proposal events (proposed, confirmed, rejected, retracted), keyed by match id. */
    public static final String MATCHES = "homeward.matching.matches.v1";

    /** Notification events (dispatched, acknowledged, escalated), keyed by notification id. */
    public static final String NOTIFICATIONS = "homeward.notifications.v1";

    /**
     * Messages the matching service could not process: the original key and value bytes, the error in Kafka headers.
     */
    public static final String MATCHING_DEAD_LETTER = "homeward.matching.deadletter.v1";

    /**
     * Messages the notification service could not process: the original key and value bytes, the error in Kafka
     * headers.
     */
    public static final String NOTIFICATION_DEAD_LETTER = "homeward.notification.deadletter.v1";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGISTRY_RECORDS = Pattern.compile("homeward\\.registry\\.([A-Z]{2})\\.records\\.v1");
    private static final Pattern REGISTRY_DEAD_LETTER =
            Pattern.compile("homeward\\.registry\\.([A-Z]{2})\\.deadletter\\.v1");

    private Topics() {}

    /**
     * The topic a country's registry publishes its child record events on, e.g. {@code
     * homeward.registry.PL.records.v1} for {@code PL}.
     *
     * @param country ISO 3166-1 alpha-2 code in upper case
     * @throws IllegalArgumentException if {@code country} is not two upper-case letters
     */
    public static String registryRecords(String country) {
        return "homeward.registry." + checked(country) + ".records.v1";
    }

    /**
     * The topic where a country's registry moves the messages it could not process (the original key and value
     * bytes, the error in Kafka headers), e.g. {@code homeward.registry.PL.deadletter.v1}. Not mirrored: it stays
     * with the country whose registry failed.
     *
     * @param country ISO 3166-1 alpha-2 code in upper case
     * @throws IllegalArgumentException if {@code country} is not two upper-case letters
     */
    public static String registryDeadLetter(String country) {
        return "homeward.registry." + checked(country) + ".deadletter.v1";
    }

    /** Whether {@code topic} is a country registry's dead-letter topic. */
    public static boolean isRegistryDeadLetter(String topic) {
        return REGISTRY_DEAD_LETTER.matcher(topic).matches();
    }

    private static String checked(String country) {
        Objects.requireNonNull(country, "country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code in upper case");
        }
        return country;
    }

    /** The country of a registry records topic, or empty if {@code topic} is not one. */
    public static Optional<String> registryCountry(String topic) {
        Matcher matcher = REGISTRY_RECORDS.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
