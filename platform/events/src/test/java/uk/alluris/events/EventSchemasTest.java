package uk.alluris.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** Every event type, serialised as the services serialise it (Jackson 3), validates against its own schema. */
class EventSchemasTest {

    private static final JsonMapper SERVICES_MAPPER = JsonMapper.builder().build();
    private static final ObjectMapper SCHEMA_TREE = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeValidatesAgainstItsSchema(EventType type) throws Exception {
        PlatformEvent event = SampleEvents.of(type);

        Set<ValidationMessage> errors = schemaOf(type).validate(toTree(event));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeReadsBackAsItWasWritten(EventType type) {
        PlatformEvent event = SampleEvents.of(type);

        Object read = SERVICES_MAPPER.readValue(SERVICES_MAPPER.writeValueAsString(event), type.javaType());

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeIsVersionedAndRoutedToAKnownTopic(EventType type) {
        assertThat(type.cloudEventType()).startsWith("uk.alluris.").matches(".*\\.v\\d+$")
                .contains(type.javaType().getSimpleName());
        assertThat(type.topic()).isIn(Topics.PRIVACY_REQUESTS, Topics.PRIVACY_RECEIPTS, Topics.CONSENT_EVENTS,
                Topics.MARKETING_EVENTS, Topics.BOOKING_EVENTS, Topics.RECORDS_EVENTS, Topics.AUTH_REVOCATIONS);
        assertThat(EventType.ofCloudEventType(type.cloudEventType())).contains(type);
        assertThat(SampleEvents.of(type).partitionKey()).isNotBlank();
    }

    @Test
    void aMissingRequiredFieldIsRefused() throws Exception {
        ObjectNode tree = (ObjectNode) toTree(SampleEvents.of(EventType.ERASURE_REQUESTED));
        tree.remove("requestId");

        assertThat(schemaOf(EventType.ERASURE_REQUESTED).validate(tree)).isNotEmpty();
    }

    @Test
    void aPlaintextEmailWhereABlindIndexBelongsIsRefused() throws Exception {
        ObjectNode tree = (ObjectNode) toTree(SampleEvents.of(EventType.SUBSCRIBER_UNSUBSCRIBED));
        tree.put("emailIndex", "jane.doe@example.com");

        assertThat(schemaOf(EventType.SUBSCRIBER_UNSUBSCRIBED).validate(tree)).isNotEmpty();
    }

    @Test
    void aRetainedOutcomeWithoutLegalGroundCannotBeBuilt() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new CategoryOutcome("payments", Outcome.RETAINED, 1, null, null));
    }

    private static JsonNode toTree(PlatformEvent event) throws Exception {
        return SCHEMA_TREE.readTree(SERVICES_MAPPER.writeValueAsString(event));
    }

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s", type.schemaResource()).isNotNull();
            return FACTORY.getSchema(in, CONFIG);
        }
    }
}
