package uk.alluris.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventsTypeUnitTest {

    private static final String CAPTURED = "uk.alluris.marketing.ConsentCaptured.v1";

    @Test
    void theTypeIsReadFromTheKafkaBindingsHeaderAsTheBrokerDeliversIt() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0])
                .setHeader("ce_type", CAPTURED.getBytes(StandardCharsets.UTF_8)).build();

        assertThat(CloudEvents.type(message)).isEqualTo(CAPTURED);
    }

    @Test
    void theTypeIsReadFromTheCanonicalHeaderWhenSpringCloudFunctionRenamedIt() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0]).setHeader("ce-type", CAPTURED).build();

        assertThat(CloudEvents.type(message)).isEqualTo(CAPTURED);
    }

    @Test
    void aMessageWithoutATypeCannotBeToldApartAndIsRefused() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0]).setHeader("ce_id", "1").build();

        assertThatThrownBy(() -> CloudEvents.type(message)).isInstanceOf(UnknownEventType.class);
    }
}
