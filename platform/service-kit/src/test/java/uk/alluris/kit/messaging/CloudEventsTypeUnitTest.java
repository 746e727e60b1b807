package uk.alluris.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventsTypeUnitTest {

    private static final String WITHDRAWN = "uk.alluris.consent.ConsentWithdrawn.v1";

    @Test
    void theTypeIsReadFromTheKafkaBindingsHeaderAsTextOrBytes() {
        assertThat(CloudEvents.type(message("ce_type", WITHDRAWN))).isEqualTo(WITHDRAWN);
        assertThat(CloudEvents.type(message("ce_type", WITHDRAWN.getBytes(StandardCharsets.UTF_8)))).isEqualTo(WITHDRAWN);
    }

    @Test
    void theTypeIsReadUnderTheCanonicalPrefixTooAsSpringCloudFunctionMayHandItOver() {
        assertThat(CloudEvents.type(message("ce-type", WITHDRAWN))).isEqualTo(WITHDRAWN);
    }

    @Test
    void aMessageWithoutATypeIsUnreadable() {
        assertThatThrownBy(() -> CloudEvents.type(message("ce_id", "1"))).isInstanceOf(UnknownEventType.class);
    }

    private static Message<byte[]> message(String header, Object value) {
        return MessageBuilder.withPayload(new byte[0]).setHeader(header, value).build();
    }
}
