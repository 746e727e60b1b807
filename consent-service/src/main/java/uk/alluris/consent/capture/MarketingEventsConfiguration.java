package uk.alluris.consent.capture;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.alluris.events.ConsentCaptured;
import uk.alluris.kit.inbox.EventConsumers;

/**
 * The {@code marketingEvents} consumer, bound to {@code marketing.events} in the {@code consent-service} group (see
 * application.yml), the kit's typed consumer: it takes {@code ConsentCaptured} and follows the platform's policy for
 * other and unknown types; the kit's binder defaults give it bounded retries and the group's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class MarketingEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> marketingEvents(EventConsumers consumers, CapturedConsents captured) {
        return consumers.consumer("marketingEvents").on(ConsentCaptured.class, captured::record).build();
    }
}
