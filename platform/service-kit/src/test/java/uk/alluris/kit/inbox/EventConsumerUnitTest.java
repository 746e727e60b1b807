package uk.alluris.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.EventType;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.messaging.UnknownEventType;

class EventConsumerUnitTest {

    private static final String KEY = "marketing-service/consentEvents";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Set<String> handledKeys = new HashSet<>();
    private final List<ConsentWithdrawn> withdrawals = new ArrayList<>();
    /** The inbox as ProcessedMessages keeps it: a message id remembered per consumer key once its handler succeeded. */
    private final EventConsumer.Once inbox = (key, message, handler) -> {
        String handled = key + "/" + message.getHeaders().get("ce_id");
        if (handledKeys.contains(handled)) {
            return false;
        }
        handler.run();
        handledKeys.add(handled);
        return true;
    };
    private final EventConsumer consumer = EventConsumer.keyed(KEY, inbox, meters)
            .on(ConsentWithdrawn.class, withdrawals::add).build();

    @Test
    void aHandledTypeIsReadIntoItsRecordAndHandedOverOnceEvenWhenRedelivered() {
        ConsentWithdrawn withdrawn = withdrawn();
        Message<byte[]> message = message(EventType.CONSENT_WITHDRAWN.cloudEventType(), EventJson.write(withdrawn), "m-1");

        consumer.accept(message);
        consumer.accept(message);

        assertThat(withdrawals).containsExactly(withdrawn);
        assertThat(handledKeys).containsExactly(KEY + "/m-1");
    }

    @Test
    void aCataloguedTypeThisConsumerDoesNotHandleIsPassedOverWithoutCountingIt() {
        ConsentGranted granted = new ConsentGranted(UUID.randomUUID(), "s-1", null, "marketing.email", "WEB", "2026-01",
                Instant.now());

        consumer.accept(message(EventType.CONSENT_GRANTED.cloudEventType(), EventJson.write(granted), "m-2"));

        assertThat(withdrawals).isEmpty();
        assertThat(handledKeys).isEmpty();
        assertThat(meters.find(EventConsumer.UNKNOWN_METRIC).counters()).isEmpty();
    }

    @Test
    void aTypeTheCatalogueDoesNotKnowIsSkippedUnreadAndCountedUnderTheConsumerAndType() {
        consumer.accept(message("uk.alluris.consent.SomethingNew.v2", "not even json", "m-3"));
        consumer.accept(message("uk.alluris.consent.SomethingNew.v2", "not even json", "m-4"));

        assertThat(withdrawals).isEmpty();
        assertThat(handledKeys).isEmpty();
        assertThat(meters.get(EventConsumer.UNKNOWN_METRIC).tag("consumer", KEY)
                .tag("type", "uk.alluris.consent.SomethingNew.v2").counter().count()).isEqualTo(2);
    }

    @Test
    void beyondTheNamedUnknownTypesFurtherOnesAreCountedAsOtherSoTheMetricStaysSmall() {
        for (int i = 0; i <= EventConsumer.NAMED_UNKNOWN_TYPES; i++) {
            consumer.accept(message("uk.alluris.stray.Type" + i + ".v1", "{}", "s-" + i));
        }

        List<Counter> counters = new ArrayList<>(meters.find(EventConsumer.UNKNOWN_METRIC).counters());
        assertThat(counters).hasSize(EventConsumer.NAMED_UNKNOWN_TYPES + 1);
        assertThat(meters.get(EventConsumer.UNKNOWN_METRIC).tag("type", "other").counter().count()).isEqualTo(1);
    }

    @Test
    void aMessageWithoutATypeOrAHandledTypeThatCannotBeReadThrowsSoTheBinderParksIt() {
        Message<byte[]> untyped = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", "m-5").build();
        Message<byte[]> unreadable = message(EventType.CONSENT_WITHDRAWN.cloudEventType(), "not json", "m-6");

        assertThatThrownBy(() -> consumer.accept(untyped)).isInstanceOf(UnknownEventType.class);
        assertThatThrownBy(() -> consumer.accept(unreadable)).isInstanceOf(RuntimeException.class);
        assertThat(handledKeys).isEmpty();
    }

    @Test
    void aConsumerIsKeyedByItsServiceAndFunctionAndRefusesABindingInAnotherGroup() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getSystemProperties().put("spring.cloud.stream.bindings.consentEvents-in-0.group", "marketing-service");
        environment.getSystemProperties().put("spring.cloud.stream.bindings.strays-in-0.group", "someone-else");
        EventConsumers consumers = new EventConsumers("marketing-service", environment, inbox, meters);

        assertThat(consumers.consumer("consentEvents").on(ConsentWithdrawn.class, withdrawals::add).build().key())
                .isEqualTo(KEY);
        assertThatThrownBy(() -> consumers.consumer("strays")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.cloud.stream.bindings.strays-in-0.group must be marketing-service");
        assertThatThrownBy(() -> consumers.consumer("unbound")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConsumerHandlesEachTypeOnceAndAtLeastOne() {
        assertThatThrownBy(() -> EventConsumer.keyed(KEY, inbox, meters).on(ConsentWithdrawn.class, withdrawals::add)
                .on(ConsentWithdrawn.class, withdrawals::add)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EventConsumer.keyed(KEY, inbox, meters).build())
                .isInstanceOf(IllegalStateException.class);
    }

    private static ConsentWithdrawn withdrawn() {
        return new ConsentWithdrawn(UUID.randomUUID(), "s-1", null, "marketing.email", "WEB", "2026-01",
                Instant.parse("2026-11-30T10:00:00Z"));
    }

    private static Message<byte[]> message(String type, String body, String id) {
        return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)).setHeader("ce_id", id).build();
    }
}
