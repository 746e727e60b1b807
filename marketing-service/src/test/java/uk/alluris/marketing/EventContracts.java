package uk.alluris.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.alluris.events.EventType;
import uk.alluris.testsupport.PrivacyRequestProbe;

/** Checks an event as it travelled (its Kafka record) against the JSON Schema of its type in alluris-events. */
public final class EventContracts {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    private EventContracts() {
    }

    /** The record's body validates against the schema its {@code ce_type} names. */
    public static void assertConforms(ConsumerRecord<byte[], byte[]> record) {
        String ceType = PrivacyRequestProbe.header(record, "ce_type").orElseThrow();
        EventType type = EventType.ofCloudEventType(ceType).orElseThrow();
        try (InputStream schema = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
            assertThat(compiled.validate(TREE.readTree(record.value()))).as(ceType).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
