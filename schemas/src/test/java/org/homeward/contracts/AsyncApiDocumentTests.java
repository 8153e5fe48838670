package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The AsyncAPI document partners integrate from describes exactly the topics and contracts of the code. */
class AsyncApiDocumentTests {

    private static final String DOCUMENT = "org/homeward/contracts/homeward-asyncapi.yaml";
    private static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    private static final String DEAD_LETTER = "DeadLetter";

    private final Map<String, Object> document = load();
    private final ContractCatalogue catalogue = ContractCatalogue.standard();

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(document, "servers")).isNotEmpty();
    }

    @Test
    void hasAChannelForEveryTopicAndNoOther() {
        Set<String> addresses = map(document, "channels").values().stream()
                .map(channel -> (String) ((Map<?, ?>) channel).get("address"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(Stream.of(TopicFamily.values())
                        .map(TopicFamily::address)
                        .toList())
                .contains(
                        Topics.MATCHES,
                        Topics.NOTIFICATIONS,
                        Topics.MATCHING_DEAD_LETTER,
                        Topics.NOTIFICATION_DEAD_LETTER);
        assertThat(Topics.registryRecords("PL"))
                .isEqualTo(TopicFamily.REGISTRY_RECORDS.address().replace("{country}", "PL"));
        assertThat(Topics.registryDeadLetter("PL"))
                .isEqualTo(TopicFamily.REGISTRY_DEAD_LETTER.address().replace("{country}", "PL"));
    }

    @Test
    void parameterisesTheRecordsChannelByCountry() {
        Map<String, Object> records = channel(TopicFamily.REGISTRY_RECORDS);

        assertThat(map(records, "parameters")).containsOnlyKeys("country");
        assertThat((String) records.get("description")).contains(Topics.REGISTRY_RECORDS_PATTERN);
        assertThat(map(channel(TopicFamily.REGISTRY_DEAD_LETTER), "parameters")).containsOnlyKeys("country");
    }

    @Test
    void describesEveryContractOfTheCatalogueAndNothingElse() {
        List<String> contracts = catalogue.contracts().stream()
                .map(contract -> contract.schema().getName())
                .toList();

        assertThat(map(map(document, "components"), "messages").keySet())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(contracts.stream(), Stream.of(DEAD_LETTER))
                        .toList());
    }

    @Test
    void carriesEachContractOnTheChannelOfItsTopicFamily() {
        for (TopicFamily family : TopicFamily.values()) {
            List<String> expected = catalogue.contracts().stream()
                    .filter(contract -> contract.topicFamily() == family)
                    .map(contract -> contract.schema().getName())
                    .toList();
            Set<String> onChannel = map(channel(family), "messages").keySet();

            assertThat(onChannel)
                    .as(family.address())
                    .containsExactlyInAnyOrderElementsOf(expected.isEmpty() ? List.of(DEAD_LETTER) : expected);
        }
    }

    @Test
    void givesEveryContractItsLatestReleasedAvroSchemaAndKey() throws IOException {
        for (Contract contract : catalogue.contracts()) {
            Map<String, Object> message = map(
                    map(map(document, "components"), "messages"),
                    contract.schema().getName());
            Map<String, Object> payload = map(message, "payload");
            String reference = (String) map(payload, "schema").get("$ref");

            assertThat(payload.get("schemaFormat")).isEqualTo(AVRO_FORMAT);
            assertThat(reference).startsWith("./");
            Schema referenced = parseResource("org/homeward/contracts/" + reference.substring(2));
            assertThat(referenced.getFullName()).isEqualTo(contract.name());
            assertThat(SchemaNormalization.parsingFingerprint64(referenced))
                    .as("%s refers to the latest release", contract.name())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(
                            contract.releases().lastEntry().getValue()));
            assertThat(map(map(map(message, "bindings"), "kafka"), "key")).containsEntry("format", "uuid");
        }
    }

    @Test
    void hasAPublisherForEveryChannelAndOnlyOperationsOnDefinedChannels() {
        Map<String, Object> channels = map(document, "channels");
        Set<String> published = new TreeSet<>();
        for (Object value : map(document, "operations").values()) {
            Map<String, Object> operation = cast(value);
            String reference = (String) map(operation, "channel").get("$ref");
            assertThat(reference).startsWith("#/channels/");
            String channel = reference.substring("#/channels/".length());
            assertThat(channels).containsKey(channel);
            assertThat(operation.get("action")).isIn("send", "receive");
            if ("send".equals(operation.get("action"))) {
                published.add(channel);
            }
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(channels.keySet());
    }

    private Map<String, Object> channel(TopicFamily family) {
        return map(document, "channels").values().stream()
                .map(AsyncApiDocumentTests::cast)
                .filter(channel -> family.address().equals(channel.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel for " + family.address()));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load() {
        try (InputStream in = AsyncApiDocumentTests.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema parseResource(String path) throws IOException {
        try (InputStream in = AsyncApiDocumentTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
