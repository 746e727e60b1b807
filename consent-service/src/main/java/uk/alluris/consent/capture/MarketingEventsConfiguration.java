package uk.alluris.consent.capture;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code marketingEvents} consumer, bound to {@code marketing.events} in the {@code consent-service} group (see
 * application.yml); the kit's binder defaults give it bounded retries and the group's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class MarketingEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> marketingEvents(CapturedConsents captured) {
        return captured::on;
    }
}
